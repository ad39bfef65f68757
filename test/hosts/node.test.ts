import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config'
import { type NodeHost, startNodeHost } from '../../src/hosts/node'

let dir: string
let hosts: NodeHost[] = []
let out: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tipline-host-'))
  out = ''
})
afterEach(async () => {
  for (const host of hosts) await host.close()
  hosts = []
  rmSync(dir, { recursive: true, force: true })
})

async function start(env: Record<string, string> = {}): Promise<NodeHost> {
  const host = await startNodeHost({ PORT: '0', HOST: '127.0.0.1', LOG_REQUESTS: '0', PASSWORD_ITERATIONS: '1000', DATA_DIR: dir, ...env }, (t) => (out += t))
  hosts.push(host)
  return host
}

describe('the Node host', () => {
  it('starts on a fresh data directory: generates keys (0600), migrates, seeds the demo district and prints the URL', async () => {
    const host = await start()
    expect(out).toMatch(/keys: generated .*keys\.json \(mode 0600\)/)
    expect(out).toMatch(/journal wal, synchronous full/)
    expect(out).toMatch(/demo: seeded 14 schools .* informant codes XQ7K-4M2P, HB3R-9TWZ/)
    expect(out).toContain(`Tipline listening on ${host.url}`)
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'tipline.db')).isFile()).toBe(true)

    expect(await (await fetch(`${host.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const { schools } = (await (await fetch(`${host.url}/api/schools`)).json()) as { schools: unknown[] }
    expect(schools).toHaveLength(14)
    const tip = await fetch(`${host.url}/api/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ school: 'QX-P01', text: '有人在群里骂我', reporter: 'student' }),
    })
    expect(tip.status).toBe(201)
  })

  it('keeps its keys and data across a restart and does not seed twice', async () => {
    const first = await start()
    const res = await fetch(`${first.url}/api/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ school: 'QX-P01', text: '有人在群里骂我', reporter: 'student' }),
    })
    const { receipt } = (await res.json()) as { receipt: string }
    await first.close()
    hosts = []
    out = ''
    const second = await start()
    expect(out).not.toMatch(/generated/)
    expect(out).not.toMatch(/demo: seeded/)
    expect(second.seed.seeded).toBe(false)
    const followup = await fetch(`${second.url}/api/followup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt }),
    })
    expect(followup.status).toBe(200)
  })

  it('starts empty with TIPLINE_DEMO=0', async () => {
    const host = await start({ TIPLINE_DEMO: '0' })
    expect(out).not.toMatch(/demo/)
    expect(await (await fetch(`${host.url}/api/schools`)).json()).toEqual({ schools: [] })
  })

  it('refuses a remote database without explicit keys', async () => {
    await expect(start({ DATABASE_URL: 'libsql://tipline.example.invalid' })).rejects.toThrow(/DATA_KEY, RECEIPT_KEY and SESSION_KEY must be set/)
  })
})

describe('configuration', () => {
  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://x' }],
    ['DATA_KEY', { DATA_KEY: 'too-short' }],
    ['RECEIPT_KEY', { RECEIPT_KEY: 'c2hvcnQ=' }],
    ['TIPLINE_DEMO', { TIPLINE_DEMO: 'maybe' }],
    ['OLD_DATA_KEYS', { OLD_DATA_KEYS: 'k0:nope' }],
    ['RATE_LIMIT_TIPS_PER_HOUR', { RATE_LIMIT_TIPS_PER_HOUR: '-1' }],
  ])('names %s when its value is wrong', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`))
  })

  it('has defaults for a zero-setup start', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 8787, DATA_DIR: './data', TIPLINE_DEMO: true, RATE_LIMITS: true, DATA_KEY_ID: 'k1' })
  })

  it('stops `npm start` with a message naming the bad setting', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/hosts/node.ts'], {
      env: { ...process.env, PORT: 'eighty', DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/Tipline did not start\. Invalid configuration — PORT:/)
  }, 60_000) // a child process under tsx takes over 5 s on a busy machine (main fails the same way there)
})
