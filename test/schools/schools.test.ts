import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { schools } from '../../src/db/schema'
import { demoSchools, seedDemoDistrict } from '../../src/schools/demo-district'
import { SCHOOL_CACHE_MS, findSchool } from '../../src/schools/schools'
import { type Harness, makeHarness, tipBody } from '../support/harness'

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

describe('findSchool', () => {
  it('finds an active school by code in any case', async () => {
    expect(await findSchool(h.db, ' qx-p03 ', 0)).toEqual({ id: 9, code: 'QX-P03' })
    expect(await findSchool(h.db, 'QX-P99', 0)).toBeUndefined()
  })

  it('takes a school added after the list was read at once', async () => {
    await findSchool(h.db, 'QX-P01', 0)
    await h.db.insert(schools).values({ code: 'QX-P09', name: '青溪区新城小学', kind: 'primary', createdAt: new Date(0) })
    expect(await findSchool(h.db, 'QX-P09', 1)).toMatchObject({ code: 'QX-P09' })
  })

  it('stops finding a deactivated school once the list is read again', async () => {
    expect(await findSchool(h.db, 'QX-P03', 0)).toBeDefined()
    await h.db.update(schools).set({ active: false }).where(eq(schools.code, 'QX-P03'))
    expect(await findSchool(h.db, 'QX-P03', SCHOOL_CACHE_MS - 1)).toBeDefined()
    expect(await findSchool(h.db, 'QX-P03', SCHOOL_CACHE_MS)).toBeUndefined()
  })

  it('refuses tips for a deactivated school through the API', async () => {
    await h.db.update(schools).set({ active: false }).where(eq(schools.code, 'QX-P03'))
    const res = await h.post('/api/tips', tipBody())
    expect(res.status).toBe(400)
  })
})
