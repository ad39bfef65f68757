import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adminCommand } from '../../src/cli/admin'
import { type NodeHost, startNodeHost } from '../../src/hosts/node'

let dir: string
let host: NodeHost | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tipline-admin-'))
})
afterEach(async () => {
  await host?.close()
  host = undefined
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run admin -- create-user', () => {
  it('creates an account that signs in with the printed one-time password, and must change it', async () => {
    const env = { PORT: '0', HOST: '127.0.0.1', LOG_REQUESTS: '0', PASSWORD_ITERATIONS: '1000', DATA_DIR: dir }
    let out = ''
    host = await startNodeHost(env, (t) => (out += t))
    expect(out).toMatch(/demo staff \(password tipline-demo\): admin@demo\.local \(district_admin, district\), legalvp@demo\.local \(legal_vp, district\), counselor@demo\.local \(counselor, QX-H01\)/)
    const line = await adminCommand(['create-user', '--email', 'Li@QX.test', '--role', 'counselor', '--school', 'qx-p03'], env)
    const password = line.match(/one-time password: (\S+)$/)![1]!
    expect(line).toMatch(/^created counselor li@qx\.test \(QX-P03\)/)
    const res = await fetch(`${host.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'li@qx.test', password }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true)
    await expect(adminCommand(['create-user', '--email', 'x@qx.test', '--role', 'counselor'], env)).rejects.toThrow(/must belong to a school/)
    await expect(adminCommand(['create-user', '--email', 'li@qx.test', '--role', 'counselor', '--school', 'QX-P03'], env)).rejects.toThrow(/exists/)
  })

  it('seeds no staff with TIPLINE_DEMO=0', async () => {
    let out = ''
    host = await startNodeHost({ PORT: '0', HOST: '127.0.0.1', LOG_REQUESTS: '0', TIPLINE_DEMO: '0', DATA_DIR: dir }, (t) => (out += t))
    expect(out).not.toMatch(/demo staff/)
    const res = await fetch(`${host.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: 'tipline-demo' }),
    })
    expect(res.status).toBe(401)
  })
})
