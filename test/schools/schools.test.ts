import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoSchools, seedDemoDistrict } from '../../src/schools/demo-district'
import { type Harness, makeHarness } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

describe('GET /api/schools', () => {
  it('lists the demo district’s 14 schools with code, name and kind only', async () => {
    const res = await h.get('/api/schools')
    expect(res.status).toBe(200)
    const { schools } = (await res.json()) as { schools: { code: string; name: string; kind: string }[] }
    expect(schools).toHaveLength(14)
    expect(schools[0]).toEqual({ code: 'QX-H01', name: '青溪区第一中学', kind: 'high' })
    for (const s of schools) expect(Object.keys(s).sort()).toEqual(['code', 'kind', 'name'])
    const kinds = schools.reduce<Record<string, number>>((n, s) => ({ ...n, [s.kind]: (n[s.kind] ?? 0) + 1 }), {})
    expect(kinds).toEqual({ high: 2, nine_year: 2, middle: 2, primary: 8 })
  })
})

describe('seedDemoDistrict', () => {
  it('seeds only an empty database', async () => {
    const again = await seedDemoDistrict(h.db, h.keys, h.clock.now())
    expect(again.seeded).toBe(false)
    expect(((await (await h.get('/api/schools')).json()) as { schools: unknown[] }).schools).toHaveLength(demoSchools.length)
  })

  it('leaves an empty district when not asked to seed', async () => {
    const empty = await makeHarness({ demo: false })
    try {
      expect(await (await empty.get('/api/schools')).json()).toEqual({ schools: [] })
    } finally {
      await empty.close()
    }
  })
})
