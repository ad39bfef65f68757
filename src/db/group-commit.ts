import type { Logger } from '../http/logger'
import type { ChainHead, Sha256 } from '../ledger/chain'
import { LedgerAppender, readChainHead } from '../ledger/ledger'
import { type Db, runBatch } from './db'
import { DEFAULT_MAX_PARAMS, type Write, batchStatements } from './insert-rows'
import { insertOrder } from './schema'

/**
 * One atomic piece of work, e.g. "open a case for this tip". `build` turns it into writes — rows to
 * insert (`insertRow`) and any other statements — appending its ledger events through `ledger`. It may be
 * called more than once (a lone retry after its group failed), so it must not have side effects beyond
 * the ledger; anything random that must be fresh on retry (a case reference that collided) it makes
 * inside `build`.
 */
export interface WriteUnit<T> {
  build(ledger: LedgerAppender): { writes: Write[]; result: T }
}

export interface GroupCommitOptions {
  db: Db
  /** Most units in one batch. */
  maxUnits?: number
  /** Most bound parameters in one merged INSERT (D1 allows 100). */
  maxParams?: number
  /**
   * How a flush is put off so that requests arriving together join it. The default (a microtask) suits
   * drivers whose batch is truly asynchronous (remote libSQL, D1): units queue while a batch is in flight.
   * The embedded driver runs a batch synchronously, so the Node host passes `setImmediate`, which lets
   * the event loop read every request that is ready before the flush starts.
   */
  schedule?: (run: () => void) => void
  log?: Logger
  /** SHA-256 for the ledger's events: pure JS by default; the Node host passes its native one (same digests). */
  sha256?: Sha256
}

/** Counters for benchmarks and health: how well requests are being grouped. */
export interface GroupCommitStats {
  batches: number
  units: number
  failedGroups: number
  loneRetries: number
  largestBatch: number
}

interface Pending {
  unit: WriteUnit<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/** How often a unit retried alone may try again on a freshly read chain head (another writer moved it). */
const LONE_ATTEMPTS = 2

export class WriterClosedError extends Error {
  override name = 'WriterClosedError'
}

/**
 * Group commit for durable writes. A durable commit costs an fsync, so one commit per request caps intake
 * at the disk's fsync rate; instead, units submitted while a flush is pending or running are committed
 * together in one `db.batch()` — one transaction, one fsync — and each caller's promise settles only after
 * that batch has committed. The rows of all units are merged into one multi-row INSERT per table, which
 * costs SQLite and the driver far less than a statement per row. Every unit stays atomic on its own: if the
 * combined batch fails, each unit is retried alone, so one bad unit fails only its own caller.
 *
 * The writer also owns the ledger's chain head while it runs: it hashes each batch's events in order from
 * the head it holds and advances the head only after a commit. If another process moved the chain, the
 * batch fails on the unique `prev_hash`, the head is read again, and the units are retried.
 *
 * @example
 * const writer = new GroupCommitWriter({ db, schedule: setImmediate })
 * const id = await writer.submit({ build: (ledger) => ({ writes: [insertRow(cases, row), ledger.append(draft)], result: row.id }) })
 */
export class GroupCommitWriter {
  readonly stats: GroupCommitStats = { batches: 0, units: 0, failedGroups: 0, loneRetries: 0, largestBatch: 0 }
  private readonly db: Db
  private readonly maxUnits: number
  private readonly maxParams: number
  private readonly schedule: (run: () => void) => void
  private readonly log: Logger
  private readonly sha256: Sha256 | undefined
  private queue: Pending[] = []
  /** Settles when the flush that is scheduled or running has finished; undefined when idle. */
  private running: Promise<void> | undefined
  /** The chain head as of the last commit; undefined until read, and again after a failure. */
  private head: ChainHead | undefined
  private closed = false

  constructor({ db, maxUnits = 256, maxParams = DEFAULT_MAX_PARAMS, schedule = queueMicrotask, log = () => {}, sha256 }: GroupCommitOptions) {
    this.db = db
    this.sha256 = sha256
    this.maxUnits = maxUnits
    this.maxParams = maxParams
    this.schedule = schedule
    this.log = log
  }

  /** Queues a unit; resolves with its result once its batch is committed, or rejects with why it was not. */
  submit<T>(unit: WriteUnit<T>): Promise<T> {
    if (this.closed) return Promise.reject(new WriterClosedError('the writer is closed'))
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit, resolve: resolve as (value: unknown) => void, reject })
      this.kick()
    })
  }

  /** Refuses new units and waits until everything already submitted is committed or failed. */
  async close(): Promise<void> {
    this.closed = true
    while (this.running) await this.running
  }

  private kick(): void {
    if (this.running) return // the flush in progress takes the queue up before it stops
    let done!: () => void
    this.running = new Promise<void>((resolve) => (done = resolve))
    this.schedule(() => void this.flush().finally(done))
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxUnits)
        await this.commitGroup(group)
      }
    } finally {
      this.running = undefined
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    let ledger: LedgerAppender
    try {
      ledger = new LedgerAppender(await this.currentHead(), this.sha256)
    } catch (error) {
      for (const entry of group) entry.reject(error)
      return
    }
    const built: { entry: Pending; writes: Write[]; result: unknown }[] = []
    for (const entry of group) {
      const before = ledger.head
      try {
        built.push({ entry, ...entry.unit.build(ledger) })
      } catch (error) {
        ledger.head = before // its events never reach the batch, so the chain must not count them
        entry.reject(error)
      }
    }
    if (built.length === 0) return

    try {
      await runBatch(this.db, this.statements(built.flatMap((b) => b.writes)))
    } catch {
      // Deliberately not logging the error's text: a constraint message can quote values.
      this.stats.failedGroups++
      this.log({ level: 'warn', msg: 'group commit failed; retrying its units one by one', units: built.length })
      this.head = undefined
      for (const { entry } of built) await this.commitAlone(entry)
      return
    }
    this.head = ledger.head
    this.count(built.length)
    for (const b of built) b.entry.resolve(b.result)
  }

  private async commitAlone(entry: Pending): Promise<void> {
    let lastError: unknown
    for (let attempt = 1; attempt <= LONE_ATTEMPTS; attempt++) {
      this.stats.loneRetries++
      try {
        const ledger = new LedgerAppender(await this.currentHead(), this.sha256)
        const { writes, result } = entry.unit.build(ledger)
        await runBatch(this.db, this.statements(writes))
        this.head = ledger.head
        this.count(1)
        entry.resolve(result)
        return
      } catch (error) {
        lastError = error
        this.head = undefined // maybe another writer moved the chain: read it again before the next try
      }
    }
    entry.reject(lastError)
  }

  private statements(writes: Write[]) {
    return batchStatements(this.db, writes, insertOrder, this.maxParams)
  }

  private async currentHead(): Promise<ChainHead> {
    this.head ??= await readChainHead(this.db)
    return this.head
  }

  private count(units: number): void {
    this.stats.batches++
    this.stats.units += units
    this.stats.largestBatch = Math.max(this.stats.largestBatch, units)
  }
}
