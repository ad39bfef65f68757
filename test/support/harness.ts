import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import type { Services } from '../../src/app-env'
import { createApp } from '../../src/app'
import { type Config, loadConfig } from '../../src/config'
import { type Keys, importKeys } from '../../src/crypto/keys'
import type { Db } from '../../src/db/db'
import { GroupCommitWriter } from '../../src/db/group-commit'
import type { LogLine } from '../../src/http/logger'
import { applyMigrations, openDatabase } from '../../src/hosts/node-db'
import { seedDemoDistrict } from '../../src/schools/demo-district'
import { eq } from 'drizzle-orm'
import { hashPassword } from '../../src/auth/password'
import type { Role } from '../../src/auth/roles'
import { newId } from '../../src/db/ids'
import { schools, staff } from '../../src/db/schema'

/** Fixed test keys (32 bytes each, base64), so a test can also open what it sealed. */
export const TEST_DATA_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='
export const TEST_RECEIPT_KEY = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8='
export const TEST_SESSION_KEY = 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8='

/** A clock tests move by hand. */
export interface FakeClock {
  now: () => Date
  advance(ms: number): void
  set(at: Date): void
}

export function fakeClock(start = new Date('2026-03-02T08:00:00.000Z')): FakeClock {
  let at = start.getTime()
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms
    },
    set: (d) => {
      at = d.getTime()
    },
  }
}

export interface Harness {
  app: ReturnType<typeof createApp>
  /** What the app was built from, for functions that take services directly (the sweep, delivery). */
  services: Services
  db: Db
  client: Client
  keys: Keys
  config: Config
  writer: GroupCommitWriter
  clock: FakeClock
  /** Every log line the app wrote. */
  logs: LogLine[]
  /** The temporary directory holding the database file (and its -wal). */
  dir: string
  dbPath: string
  /** POSTs JSON; `client` sets the address the rate limiter sees (a test-only header). */
  post(path: string, body: unknown, options?: { client?: string; headers?: Record<string, string> }): Promise<Response>
  get(path: string): Promise<Response>
  /** Any request as a signed-in staff member (Bearer token), with an optional JSON body. */
  staffRequest(method: string, path: string, options?: { token?: string | undefined; body?: unknown }): Promise<Response>
  /** Creates a ready-to-use account (own password, no set-up pending) straight in the database. */
  addStaff(account: { email: string; role: Role; school?: string | null; password?: string }): Promise<string>
  /** Signs in through POST /api/auth/login and returns the session token. */
  signIn(email: string, password?: string): Promise<string>
  close(): Promise<void>
}

/** The password `addStaff` gives accounts unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery'

export interface HarnessOptions {
  env?: Record<string, string>
  demo?: boolean
}

/**
 * A fresh app on its own temporary `file:` database (never `:memory:`: libSQL swaps in an empty database
 * for a batch there), migrated and seeded with the demo district, with captured logs and a fake clock.
 * The client address comes from an `x-test-client` header so rate-limit tests can play several clients.
 */
export async function makeHarness({ env = {}, demo = true }: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tipline-test-'))
  const dbPath = join(dir, 'tipline.db')
  const config = loadConfig({
    LOG_REQUESTS: '1',
    DATA_KEY: TEST_DATA_KEY,
    RECEIPT_KEY: TEST_RECEIPT_KEY,
    SESSION_KEY: TEST_SESSION_KEY,
    // PBKDF2 at OWASP's 600,000 takes ~0.3 s a hash; tests only need the code path.
    PASSWORD_ITERATIONS: '1000',
    ...env,
  })
  const { db, client, close: closeDatabase } = await openDatabase({ url: `file:${dbPath}` })
  await applyMigrations(db)
  const keys = await importKeys(config)
  const clock = fakeClock()
  if (demo) await seedDemoDistrict(db, keys, clock.now(), { passwordIterations: config.PASSWORD_ITERATIONS })
  const logs: LogLine[] = []
  // As the Node host does: put the flush off to the check phase so requests that are ready join it.
  const writer = new GroupCommitWriter({ db, maxUnits: config.GROUP_COMMIT_MAX, schedule: setImmediate })
  const services: Services = {
    config,
    log: (line) => logs.push(line),
    now: clock.now,
    db,
    keys,
    writer,
    clientAddress: (c) => c.req.header('x-test-client'),
  }
  const app = createApp(services)
  return {
    app,
    services,
    db,
    client,
    keys,
    config,
    writer,
    clock,
    logs,
    dir,
    dbPath,
    post: async (path, body, { client: address, headers = {} } = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(address ? { 'x-test-client': address } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: async (path) => app.request(path),
    staffRequest: async (method, path, { token, body } = {}) =>
      app.request(path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async addStaff({ email, role, school = null, password = TEST_PASSWORD }) {
      const [found] = school === null ? [] : await db.select({ id: schools.id }).from(schools).where(eq(schools.code, school))
      const id = newId(clock.now())
      await db.insert(staff).values({
        id,
        email,
        passwordHash: await hashPassword(password, { iterations: config.PASSWORD_ITERATIONS }),
        role,
        schoolId: found?.id ?? null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      return id
    },
    async signIn(email, password = TEST_PASSWORD) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { token: string }).token
    },
    async close() {
      await writer.close()
      // Wait for the database thread to stop, so threads never pile up across a test file.
      await closeDatabase()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A valid tip body; override what a test is about. */
export function tipBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { school: 'QX-P03', text: '班上有几个人天天骂我是猪 还把我的书扔进垃圾桶', reporter: 'student', ...overrides }
}
