import type { Context } from 'hono'
import type { LoginThrottle } from './auth/login-throttle'
import type { StaffPrincipal } from './auth/require-staff'
import type { Config } from './config'
import type { Keys } from './crypto/keys'
import type { Db } from './db/db'
import type { GroupCommitWriter } from './db/group-commit'
import type { Logger } from './http/logger'
import type { RateLimits } from './http/rate-limit'

/**
 * What every request can reach. Built once by a host (Node, Workers, a test) and handed to `createApp`, so
 * nothing in `src/` outside `hosts/` opens a database or reads the environment on its own.
 */
export interface Services {
  config: Config
  log: Logger
  /** The clock, injected so deadline and rate-limit logic can be tested with a fake one. */
  now: () => Date
  db: Db
  keys: Keys
  /** Durable multi-row writes (tips, messages, ledger events) go through here, group-committed. */
  writer: GroupCommitWriter
  /**
   * The client's network address, which only the host can know (the socket on Node, a header on Workers
   * or behind a proxy). Used for one thing: the keyed, daily-rotating rate-limit key. Never stored or
   * logged. Without it every client shares one rate-limit bucket.
   */
  clientAddress?: (c: Context<AppEnv>) => string | undefined
  /**
   * How notifications leave the process (the outbox delivery loop). Injected so tests can point it at a
   * local receiver and a host can add a proxy; `globalThis.fetch` when unset.
   */
  fetch?: typeof fetch
}

export type AppEnv = {
  Variables: {
    services: Services
    /** In-memory rate-limit state of this app instance. */
    limits: RateLimits
    /** The keyed hash of the client's address, set by the rate-limit middleware where it runs. */
    clientKey: string
    /** Staff sign-in throttle of this app instance (per account and per client), in memory only. */
    loginThrottle: LoginThrottle
    /** The signed-in staff member, set by `requireStaff` on the routes it guards. */
    staff: StaffPrincipal
  }
}
