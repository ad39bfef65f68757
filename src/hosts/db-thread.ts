import { Worker } from 'node:worker_threads'
import {
  type Client,
  type InArgs,
  type InStatement,
  LibsqlBatchError,
  LibsqlError,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import type { ThreadCall, ThreadReady, ThreadResponse, WireError, WireResultSet } from './db-thread-protocol'

/**
 * An embedded libSQL database that runs on its own thread, behind an object with the @libsql/client
 * `Client` methods drizzle and the host use (`execute`, `batch`, `migrate`, `executeMultiple`, `close`).
 *
 * Why: the embedded client is synchronous under its promise API, so every statement — and every commit's
 * fsync — runs on the thread that called it. On the Node host that is the one thread that also parses
 * requests, scores tips and answers them; under load it spent about a quarter of its time inside SQLite.
 * Here the request thread only posts the call and goes on with other requests while the database thread
 * runs it. Calls run one at a time in the order they were made, exactly as on the single connection the
 * host used before, and each promise settles with what the real client returned or threw — the same
 * result sets (rows readable by index and by column name) and the same error classes (`LibsqlError`,
 * `LibsqlBatchError` with their codes, `TypeError`, `RangeError`). A `batch()` is the same one
 * transaction with one fsync: the promise resolves only after the thread has committed it.
 *
 * Interactive transactions (`transaction()`) are not offered: nothing in the app uses them (D1 has none,
 * so shared code writes with `batch()`), and holding a transaction open across threads would block every
 * other call.
 *
 * @example
 * const client = await openThreadClient('file:./data/tipline.db')
 * const db = drizzle(client, { schema })
 */
export async function openThreadClient(url: string, { onStopped }: ThreadClientOptions = {}): Promise<ThreadClient> {
  // Without tsx's loader: the worker is plain JavaScript and starts faster without it.
  const worker = new Worker(new URL('./db-thread-worker.mjs', import.meta.url), { workerData: { url }, execArgv: withoutTsx(process.execArgv) })
  const ready = await new Promise<ThreadReady>((resolve, reject) => {
    const exited = (code: number) => reject(new Error(`the database thread exited with code ${code} before it opened ${url}`))
    worker.once('message', (message: ThreadReady) => {
      worker.off('error', reject).off('exit', exited)
      resolve(message)
    })
    worker.once('error', reject).once('exit', exited)
  })
  if (!ready.ready) {
    await worker.terminate()
    throw fromWire(ready.error)
  }
  return new ThreadClient(worker, onStopped)
}

export interface ThreadClientOptions {
  /**
   * Called if the database thread stops without `close()` (it crashed or was killed), with its exit code.
   * Every call from then on is refused at once; the host decides what else to do (the Node host logs it and
   * exits, so a supervisor starts it again on a fresh thread).
   */
  onStopped?: (exitCode: number) => void
}

/** The parent's Node options without tsx's loader (the worker needs none), so profiling flags and the like carry over. */
function withoutTsx(execArgv: readonly string[]): string[] {
  const isTsx = (value: string) => /^tsx(\/|$)|[\\/]tsx[\\/]/.test(value)
  const kept: string[] = []
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!
    const [flag, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (!/^--(import|require|loader|experimental-loader)$/.test(flag)) kept.push(arg)
    else if (value !== undefined) {
      if (!isTsx(value)) kept.push(arg)
    }
    else if (isTsx(execArgv[i + 1] ?? '')) i++
    else kept.push(arg, execArgv[++i]!)
  }
  return kept
}

interface Waiting {
  resolve: (result: WireResultSet | WireResultSet[] | null) => void
  reject: (error: unknown) => void
}

/** The request thread's side of the database thread. Made by `openThreadClient`. */
export class ThreadClient implements Client {
  closed = false
  readonly protocol = 'file'
  private readonly worker: Worker
  private readonly waiting = new Map<number, Waiting>()
  private nextId = 1
  private readonly exited: Promise<void>

  constructor(worker: Worker, onStopped?: (exitCode: number) => void) {
    this.worker = worker
    worker.on('message', (response: ThreadResponse) => this.settle(response))
    this.exited = new Promise((done) =>
      worker.once('exit', (code: number) => {
        const unexpected = !this.closed
        // A message posted to a stopped thread is dropped without a word: refuse every call from now on,
        // and reject whatever was still waiting, which will never be answered.
        this.closed = true
        for (const waiting of this.waiting.values()) waiting.reject(new LibsqlError('The database thread has stopped', 'CLIENT_CLOSED'))
        this.waiting.clear()
        if (unexpected) onStopped?.(code)
        done()
      }),
    )
    worker.on('error', () => {}) // the exit handler above rejects what was waiting
    worker.unref() // an idle database thread never keeps the process alive; a call in flight does (see call)
  }

  execute(stmt: InStatement): Promise<ResultSet>
  execute(sql: string, args?: InArgs): Promise<ResultSet>
  async execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
    const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql
    return toResultSet((await this.call({ op: 'execute', stmt })) as WireResultSet)
  }

  async batch(stmts: (InStatement | [string, InArgs?])[], mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    return ((await this.call({ op: 'batch', stmts: stmts as never, mode })) as WireResultSet[]).map(toResultSet)
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return ((await this.call({ op: 'migrate', stmts })) as WireResultSet[]).map(toResultSet)
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.call({ op: 'executeMultiple', sql })
  }

  transaction(): Promise<Transaction> {
    return Promise.reject(
      new LibsqlError('interactive transactions are not offered on the database thread; write atomically with batch()', 'TRANSACTION_UNSUPPORTED'),
    )
  }

  sync(): never {
    throw new LibsqlError('sync() is for embedded replicas, which the database thread does not run', 'SYNC_NOT_SUPPORTED')
  }

  reconnect(): never {
    throw new LibsqlError('the database thread cannot reconnect; open a new client', 'RECONNECT_NOT_SUPPORTED')
  }

  /**
   * Refuses new calls; the thread finishes every call already made, closes the database and stops.
   * `close()` is synchronous, as the Client interface has it; `whenClosed()` waits for the thread to stop.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.worker.ref() // stay alive until the calls already made are answered
    this.worker.postMessage({ op: 'close' })
  }

  /** Settles once the database thread has stopped (after `close()`, or if it died). */
  whenClosed(): Promise<void> {
    return this.exited
  }

  private call(call: ThreadCall): Promise<WireResultSet | WireResultSet[] | null> {
    if (this.closed) return Promise.reject(new LibsqlError('The client is closed', 'CLIENT_CLOSED'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      try {
        // Arguments are copied by structured clone; a value it cannot copy fails here, before the thread sees it.
        this.worker.postMessage({ ...call, id })
      } catch (error) {
        reject(new TypeError(`a value cannot be passed to the database: ${(error as Error).message}`))
        return
      }
      if (this.waiting.size === 0) this.worker.ref()
      this.waiting.set(id, { resolve, reject })
    })
  }

  private settle(response: ThreadResponse): void {
    const waiting = this.waiting.get(response.id)
    if (!waiting) return
    this.waiting.delete(response.id)
    if (this.waiting.size === 0 && !this.closed) this.worker.unref()
    if (response.ok) waiting.resolve(response.result)
    else waiting.reject(fromWire(response.error))
  }
}

/**
 * A result set as @libsql/client makes it: rows whose values are at their indices (what drizzle reads for
 * typed selects) and under their column names (what it reads for raw `db.all(sql)`).
 */
function toResultSet(wire: WireResultSet): ResultSet {
  const Shape = rowShape(wire.columns)
  const rows = wire.rows.map((values) => new Shape(values) as unknown as Row)
  return {
    columns: wire.columns,
    columnTypes: wire.columnTypes,
    rows,
    rowsAffected: wire.rowsAffected,
    lastInsertRowid: wire.lastInsertRowid,
    toJSON: () => ({ ...wire, lastInsertRowid: wire.lastInsertRowid?.toString() }),
  }
}

const VALUES = Symbol('values')
type RowConstructor = new (values: unknown[]) => object

/** One row class per column list: named values as own enumerable properties, indices and length on the prototype. */
const shapes = new Map<string, RowConstructor>()

/**
 * libSQL builds each row with `Object.defineProperty` per value, which showed up in profiles; a class per
 * column list gives the same view — `Object.keys(row)` lists the column names once each (the first of a
 * duplicated name wins), `row[0]` and `row.length` read the values — for the price of a plain object.
 */
function rowShape(columns: string[]): RowConstructor {
  const key = columns.join('\u0000')
  let Shape = shapes.get(key)
  if (Shape) return Shape
  const named: [string, number][] = []
  const seen = new Set<string>(['length', ...columns.map((_, i) => String(i))])
  columns.forEach((column, i) => {
    if (seen.has(column)) return
    seen.add(column)
    named.push([column, i])
  })
  class Row {
    [VALUES]: unknown[]
    constructor(values: unknown[]) {
      this[VALUES] = values
      for (const [column, i] of named) (this as Record<string, unknown>)[column] = values[i]
    }
  }
  Object.defineProperty(Row.prototype, 'length', { get: () => columns.length })
  columns.forEach((_, i) =>
    Object.defineProperty(Row.prototype, i, {
      get(this: Row) {
        return this[VALUES][i]
      },
    }),
  )
  if (shapes.size > 1000) shapes.clear() // ad-hoc queries must not grow this without bound
  shapes.set(key, Row)
  return Row
}

/** The error the real client would have thrown, rebuilt from what crossed the thread boundary. */
function fromWire(wire: WireError): Error {
  const cause = wire.cause && fromWire(wire.cause)
  // LibsqlError puts "CODE: " in front of the message it is given; give it the message without it.
  const bare = wire.code && wire.message.startsWith(`${wire.code}: `) ? wire.message.slice(wire.code.length + 2) : wire.message
  let error: Error
  if (wire.name === 'LibsqlBatchError') {
    error = new LibsqlBatchError(bare, wire.statementIndex ?? -1, wire.code ?? 'UNKNOWN', wire.extendedCode, wire.rawCode, cause)
  } else if (wire.name === 'LibsqlError') {
    error = new LibsqlError(bare, wire.code ?? 'UNKNOWN', wire.extendedCode, wire.rawCode, cause)
  } else {
    const Kind = { TypeError, RangeError, SyntaxError }[wire.name] ?? Error
    error = new Kind(wire.message, cause ? { cause } : undefined)
    error.name = wire.name
    if (wire.code !== undefined) Object.assign(error, { code: wire.code })
    if (wire.rawCode !== undefined) Object.assign(error, { rawCode: wire.rawCode })
  }
  return error
}
