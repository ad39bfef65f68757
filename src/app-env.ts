import type { Config } from './config'
import type { Logger } from './http/logger'

/**
 * What every request can reach. Built once by a host (Node, Workers, a test) and handed to `createApp`, so
 * nothing in `src/` outside `hosts/` opens a database or reads the environment on its own.
 */
export interface Services {
  config: Config
  log: Logger
  /** The clock, injected so deadline and rate-limit logic can be tested with a fake one. */
  now: () => Date
}

export type AppEnv = {
  Variables: { services: Services }
}
