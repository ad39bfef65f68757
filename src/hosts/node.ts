import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { createApp } from '../app'
import type { Services } from '../app-env'
import { runDeadlineSweep } from '../cases/sweep'
import { DEMO_PASSWORD } from '../auth/accounts'
import { type Config, ConfigError, loadConfig } from '../config'
import { importKeys } from '../crypto/keys'
import { GroupCommitWriter } from '../db/group-commit'
import { jsonLogger } from '../http/logger'
import { type SeedReport, seedDemoDistrict } from '../schools/demo-district'
import { applyMigrations, openDatabase } from './node-db'
import { nodeCryptoPrimitives, nodeSha256 } from './node-crypto'
import { loadOrCreateLocalKeys } from './node-keys'
import { readBodyFromNode } from './node-body'
import { deliverOutbox } from '../notify/deliver'
import { repeat } from './node-timers'

export interface NodeHost {
  url: string
  config: Config
  writer: GroupCommitWriter
  seed: SeedReport
  close(): Promise<void>
}

/**
 * Starts Tipline on Node: validates config, opens (and if need be creates) the database, applies
 * migrations, seeds the demo district on an empty database, and listens. Prints what it did in plain
 * lines on `out`; request logs follow as JSON lines.
 *
 * @example
 * const host = await startNodeHost({ PORT: '0', DATA_DIR: '/tmp/tipline' })
 * await fetch(`${host.url}/healthz`)
 * await host.close()
 */
export async function startNodeHost(
  env: Record<string, string | undefined>,
  out: (text: string) => void = (text) => process.stdout.write(text),
): Promise<NodeHost> {
  const say = (line: string) => out(`${line}\n`)
  let config = loadConfig(env)
  const dataDir = resolve(config.DATA_DIR)
  const databaseUrl = config.DATABASE_URL ?? `file:${join(dataDir, 'tipline.db')}`

  if (!config.DATA_KEY || !config.RECEIPT_KEY || !config.SESSION_KEY) {
    if (!databaseUrl.startsWith('file:')) {
      throw new ConfigError('DATA_KEY, RECEIPT_KEY and SESSION_KEY must be set when DATABASE_URL points at a remote database')
    }
    mkdirSync(dataDir, { recursive: true })
    const local = loadOrCreateLocalKeys(dataDir)
    config = loadConfig({
      ...env,
      DATA_KEY: env.DATA_KEY ?? local.DATA_KEY,
      RECEIPT_KEY: env.RECEIPT_KEY ?? local.RECEIPT_KEY,
      SESSION_KEY: env.SESSION_KEY ?? local.SESSION_KEY,
    })
    say(
      local.created
        ? `keys: generated ${local.path} (mode 0600). Back it up with the database: without it no tip can be read and no receipt found.`
        : `keys: ${local.path}`,
    )
  }

  const log = jsonLogger(out)
  const { db, durability, close: closeDatabase } = await openDatabase({
    url: databaseUrl,
    authToken: config.DATABASE_AUTH_TOKEN,
    // Without its database thread the service can answer nothing but 503s: say so and stop, so a supervisor
    // (systemd, Docker, the platform) starts it again on a fresh thread. Every call is already refused.
    onThreadStopped: (exitCode) => {
      log({ level: 'error', msg: 'database thread stopped', exitCode })
      process.exitCode = 1
      process.kill(process.pid, 'SIGTERM')
    },
  })
  try {
    await applyMigrations(db)
    const keys = await importKeys(config, { primitives: nodeCryptoPrimitives })
    const seed = config.TIPLINE_DEMO
      ? await seedDemoDistrict(db, keys, new Date(), { passwordIterations: config.PASSWORD_ITERATIONS })
      : { seeded: false, schools: 0, informantCodes: [], staff: [] }
    const shownUrl = databaseUrl.replace(/\?.*$/, '') // a query string may carry a token
    say(
      `database: ${shownUrl} ${durability === 'remote' ? '(remote libSQL)' : `(journal ${durability.journalMode}, synchronous ${durability.synchronous})`}, migrations applied`,
    )
    if (seed.seeded) {
      say(`demo: seeded ${seed.schools} schools of 青溪区 (codes QX-H01 … QX-P08); informant codes ${seed.informantCodes.join(', ')}. Set TIPLINE_DEMO=0 to start empty.`)
      say(`demo staff (password ${DEMO_PASSWORD}): ${seed.staff.map((s) => `${s.email} (${s.role}${s.school ? `, ${s.school}` : ', district'})`).join(', ')}`)
    }

    const writer = new GroupCommitWriter({ db, maxUnits: config.GROUP_COMMIT_MAX, schedule: setImmediate, log, sha256: nodeSha256 })
    const services: Services = {
      config,
      log,
      now: () => new Date(),
      db,
      keys,
      writer,
      clientAddress: clientAddressFrom(config),
    }
    const app = createApp(services)
    // The deadline sweep (every minute) and the outbox delivery loop (every few seconds). On Workers a cron
    // trigger will call the same two functions.
    const jobs = [
      repeat('deadline sweep', config.SWEEP_INTERVAL_SECONDS * 1000, () => runDeadlineSweep(services, services.now()), services.log),
      repeat('outbox delivery', config.DELIVERY_INTERVAL_SECONDS * 1000, () => deliverOutbox(services, services.now()), services.log),
    ]
    const server = serve({ fetch: (request, env) => app.fetch(readBodyFromNode(request, env.incoming), env), port: config.PORT, ...(config.HOST ? { hostname: config.HOST } : {}) })
    await new Promise<void>((ready, fail) => {
      server.once('listening', ready)
      server.once('error', fail)
    })
    const { port } = server.address() as AddressInfo
    const url = `http://${config.HOST && config.HOST !== '0.0.0.0' ? config.HOST : 'localhost'}:${port}`
    say(`Tipline listening on ${url}`)

    return {
      url,
      config,
      writer,
      seed,
      async close() {
        await new Promise<void>((done) => server.close(() => done()))
        // Stop the timers and wait for a sweep or delivery in flight before the writer and database close.
        await Promise.all(jobs.map((job) => job.stop()))
        await writer.close()
        await closeDatabase()
      },
    }
  } catch (error) {
    await closeDatabase()
    throw error
  }
}

/**
 * Where the client's address comes from: the socket, or the proxy header named in config (its first
 * entry, the original client). Only the rate limiter ever sees it.
 */
function clientAddressFrom(config: Config): (c: Context<AppEnv>) => string | undefined {
  const header = config.CLIENT_ADDRESS_HEADER
  if (header) return (c) => c.req.header(header)?.split(',')[0]?.trim() || undefined
  return (c) => getConnInfo(c).remote.address
}

async function main(): Promise<void> {
  let host: NodeHost
  try {
    host = await startNodeHost(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Tipline did not start. ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  const stop = async () => {
    await host.close()
    process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'stopped', groupCommit: host.writer.stats })}\n`)
    process.exit(process.exitCode ?? 0) // 1 when the database thread died under us
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
