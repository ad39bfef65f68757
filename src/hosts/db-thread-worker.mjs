// @ts-check
/**
 * The database thread: owns the embedded database's one connection and runs every call the request thread
 * sends, one at a time, in the order they arrive. The embedded driver is synchronous — a statement, and a
 * commit's fsync, block the thread that runs them — so running it here keeps that work off the thread
 * that parses requests, scores tips and answers. See `db-thread.ts` for the other side.
 *
 * It drives `libsql` (the native driver under @libsql/client) directly and answers exactly as
 * @libsql/client's `execute`, `batch`, `migrate` and `executeMultiple` would (the same statements around a
 * batch, the same value conversions, the same errors — `db-thread.test.ts` compares them), for two
 * reasons that showed in profiles of intake under load: the client prepares every statement again on every
 * call (a seventh of this thread's time), and builds each row with a `defineProperty` per value only for
 * this thread to take it apart again. Here a prepared statement is kept per SQL text, and rows stay arrays.
 *
 * Plain JavaScript (type-checked through JSDoc) on purpose: a TypeScript worker needs tsx's loader
 * registered inside the worker, which starts its own esbuild service — about a second per database opened,
 * which every test harness pays. As JavaScript the thread starts in the time it takes to load the driver.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'libsql'

/**
 * @typedef {import('./db-thread-protocol').ThreadRequest} ThreadRequest
 * @typedef {import('./db-thread-protocol').ThreadResponse} ThreadResponse
 * @typedef {import('./db-thread-protocol').ThreadReady} ThreadReady
 * @typedef {import('./db-thread-protocol').WireError} WireError
 * @typedef {import('./db-thread-protocol').WireResultSet} WireResultSet
 * @typedef {import('@libsql/client').InStatement} InStatement
 * @typedef {{ stmt: any, reader: boolean, columns: string[], columnTypes: string[] }} Prepared
 */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const { url } = /** @type {{ url: string }} */ (workerData)

/** Statements kept prepared, most recently used last; beyond this many the oldest is dropped. */
const MAX_PREPARED = 256

const db = open()

/** @returns {any} */
function open() {
  try {
    const opened = new Database(pathOf(url))
    port.postMessage(/** @type {ThreadReady} */ ({ ready: true }))
    return opened
  } catch (error) {
    port.postMessage(/** @type {ThreadReady} */ ({ ready: false, error: toWire(mapSqliteError(error)) }))
    port.close()
    return undefined
  }
}

/**
 * The file a `file:` URL names, as @libsql/client reads it: `file:relative.db`, `file:/abs.db`,
 * `file:///abs.db` and `file://localhost/abs.db`; `file::memory:` is an in-memory database.
 * @param {string} fileUrl
 */
function pathOf(fileUrl) {
  const rest = fileUrl.replace(/^file:/, '').replace(/\?.*$/, '')
  if (rest === ':memory:') return ':memory:'
  if (!rest.startsWith('//')) return decodeURIComponent(rest)
  const slash = rest.indexOf('/', 2)
  const host = rest.slice(2, slash < 0 ? rest.length : slash)
  if (host !== '' && host.toLowerCase() !== 'localhost') throw new TypeError(`Invalid host in file URL: ${JSON.stringify(host)}`)
  return decodeURIComponent(slash < 0 ? '' : rest.slice(slash))
}

// Calls run strictly in arrival order: the next one starts only after the previous one settled, so a
// batch that is committing is never overtaken by a later read or write. Every call runs synchronously.
if (db) {
  port.on('message', (/** @type {ThreadRequest | { op: 'close' }} */ message) => {
    if (message.op === 'close') {
      prepared.clear()
      db.close()
      port.close()
      return
    }
    run(message)
  })
}

/** @param {ThreadRequest} request */
function run(request) {
  /** @type {ThreadResponse} */
  let response
  try {
    response = { id: request.id, ok: true, result: call(request) }
  } catch (error) {
    response = { id: request.id, ok: false, error: toWire(error) }
  }
  // As the client's connection pool does when a call gives its connection back: nothing a call began
  // (a lone BEGIN, a script that failed half-way) stays open to swallow the next call's writes.
  if (db.inTransaction) rollBack()
  if (wrote) forgetStatementsIfSchemaChanged()
  wrote = false
  // A reply that cannot be posted must not go unanswered: the caller would wait for it forever.
  try {
    port.postMessage(response)
  } catch (error) {
    port.postMessage(/** @type {ThreadResponse} */ ({ id: request.id, ok: false, error: toWire(error) }))
  }
}

/**
 * @param {ThreadRequest} request
 * @returns {WireResultSet | WireResultSet[] | null}
 */
function call(request) {
  switch (request.op) {
    case 'execute':
      return execute(request.stmt)
    case 'batch':
      return inTransaction(
        beginFor(request.mode),
        request.stmts.map((s) => /** @type {InStatement} */ (Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s)),
      )
    case 'migrate':
      // As the client does: foreign keys off around the migration's transaction, back on whatever happens.
      execute('PRAGMA foreign_keys=off')
      try {
        return inTransaction('BEGIN DEFERRED', request.stmts)
      } finally {
        execute('PRAGMA foreign_keys=on')
      }
    case 'executeMultiple':
      wrote = true
      try {
        db.exec(request.sql)
      } catch (error) {
        throw mapSqliteError(error)
      }
      return null
  }
}

/**
 * The statements in one transaction, as the client's `batch()`: the first failure rolls back and is thrown
 * as a LibsqlBatchError naming the statement's index.
 * @param {string} begin
 * @param {InStatement[]} stmts
 */
function inTransaction(begin, stmts) {
  execute(begin)
  try {
    /** @type {WireResultSet[]} */
    const results = []
    for (let i = 0; i < stmts.length; i++) {
      try {
        if (!db.inTransaction) throw batchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED')
        results.push(execute(/** @type {InStatement} */ (stmts[i])))
      } catch (error) {
        throw toBatchError(error, i)
      }
    }
    execute('COMMIT')
    return results
  } finally {
    if (db.inTransaction) rollBack()
  }
}

/** Rolls back what is open; a rollback that fails must not hide the error that led to it. */
function rollBack() {
  try {
    db.exec('ROLLBACK')
  } catch {
    // Nothing more to do: SQLite has already ended the transaction, or the connection is gone.
  }
}

/** @param {string | undefined} mode */
function beginFor(mode = 'deferred') {
  if (mode === 'write') return 'BEGIN IMMEDIATE'
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY'
  if (mode === 'deferred') return 'BEGIN DEFERRED'
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"')
}

/** @type {Map<string, Prepared>} */
const prepared = new Map()

/** The schema version the kept statements were prepared under (SQLite bumps it on every schema change). */
let schemaVersion = -1
/** Whether the call being run has run anything but a read: only then can the schema have changed. */
let wrote = false

/**
 * A schema change can change what a kept statement returns (the columns of a `SELECT *`): after each call
 * that wrote anything, if the schema version moved, prepare everything afresh. One cheap pragma per such
 * call (reads pay nothing); a change made by another connection is seen after this thread's next write.
 */
function forgetStatementsIfSchemaChanged() {
  try {
    const version = Number(execute('PRAGMA schema_version').rows[0]?.[0])
    if (version !== schemaVersion) {
      prepared.clear()
      schemaVersion = version
    }
  } catch {
    prepared.clear()
  }
}

/** @param {string} sql @returns {Prepared} */
function prepare(sql) {
  let statement = prepared.get(sql)
  if (statement) {
    // Most recently used last: a Map iterates in insertion order, so the first key is the oldest.
    prepared.delete(sql)
    prepared.set(sql, statement)
    return statement
  }
  const stmt = db.prepare(sql)
  stmt.safeIntegers(true)
  const reader = stmt.reader
  if (reader) stmt.raw(true)
  const columns = reader ? stmt.columns() : []
  statement = {
    stmt,
    reader,
    columns: columns.map((/** @type {{ name: string }} */ c) => c.name),
    columnTypes: columns.map((/** @type {{ type?: string | null }} */ c) => c.type ?? ''),
  }
  prepared.set(sql, statement)
  if (prepared.size > MAX_PREPARED) prepared.delete(/** @type {string} */ (prepared.keys().next().value))
  return statement
}

/**
 * One statement, with @libsql/client's result shape (rows as arrays) and its errors.
 * @param {InStatement} stmt
 * @returns {WireResultSet}
 */
function execute(stmt) {
  const sql = typeof stmt === 'string' ? stmt : stmt.sql
  const args = typeof stmt === 'string' ? [] : toArgs(stmt.args)
  try {
    const { stmt: statement, reader, columns, columnTypes } = prepare(sql)
    if (reader) {
      const rows = /** @type {unknown[][]} */ (statement.all(args))
      for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = fromSql(row[i])
      return { columns, columnTypes, rows, rowsAffected: 0, lastInsertRowid: undefined }
    }
    wrote = true
    const info = statement.run(args)
    return { columns: [], columnTypes: [], rows: [], rowsAffected: info.changes, lastInsertRowid: BigInt(info.lastInsertRowid) }
  } catch (error) {
    throw mapSqliteError(error)
  }
}

/**
 * Positional or named arguments as the driver binds them (named ones without their `:`, `@` or `$`).
 * @param {import('@libsql/client').InArgs | undefined} args
 */
function toArgs(args) {
  if (args === undefined) return []
  if (Array.isArray(args)) return args.map(toSql)
  /** @type {Record<string, unknown>} */
  const named = {}
  for (const name in args) {
    named[name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name] = toSql(/** @type {Record<string, unknown>} */ (args)[name])
  }
  return named
}

const MIN_INTEGER = -9223372036854775808n
const MAX_INTEGER = 9223372036854775807n

/** A value as @libsql/client hands it to the driver (intMode "number"). @param {unknown} value */
function toSql(value) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
    return value
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INTEGER || value > MAX_INTEGER) throw new RangeError('bigint is too large to be represented as a 64-bit integer and passed as argument')
    return value
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value instanceof Date) return value.valueOf()
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database')
  return value
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER)
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/** A value as @libsql/client returns it (intMode "number"; blobs as ArrayBuffers). @param {unknown} value */
function fromSql(value) {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number')
    return Number(value)
  }
  if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)
  return value
}

// ── Errors, shaped as @libsql/client shapes them (the request thread rebuilds its classes from these) ──

/** SQLite's primary result codes by number, for an error's base code. */
const SQLITE_CODES = [
  undefined, 'ERROR', 'INTERNAL', 'PERM', 'ABORT', 'BUSY', 'LOCKED', 'NOMEM', 'READONLY', 'INTERRUPT', 'IOERR', 'CORRUPT',
  'NOTFOUND', 'FULL', 'CANTOPEN', 'PROTOCOL', 'EMPTY', 'SCHEMA', 'TOOBIG', 'CONSTRAINT', 'MISMATCH', 'MISUSE', 'NOLFS', 'AUTH',
  'FORMAT', 'RANGE', 'NOTADB', 'NOTICE', 'WARNING',
]

/**
 * @typedef {Error & { code?: string, extendedCode?: string, rawCode?: number, statementIndex?: number, libsql?: true }} DriverError
 */

/** The driver's SqliteError as the client's LibsqlError. @param {unknown} error @returns {unknown} */
function mapSqliteError(error) {
  if (!(error instanceof Database.SqliteError)) return error
  const e = /** @type {DriverError} */ (error)
  const base = e.rawCode === undefined ? 'SQLITE_UNKNOWN' : SQLITE_CODES[e.rawCode & 0xff] ? `SQLITE_${SQLITE_CODES[e.rawCode & 0xff]}` : `SQLITE_UNKNOWN_${e.rawCode & 0xff}`
  const mapped = /** @type {DriverError} */ (new Error(`${base}: ${e.message}`, { cause: e }))
  mapped.name = 'LibsqlError'
  mapped.code = base
  mapped.extendedCode = e.code
  mapped.rawCode = e.rawCode
  return mapped
}

/** @param {string} message @param {number} index @param {string} code */
function batchError(message, index, code) {
  const error = /** @type {DriverError} */ (new Error(`${code}: ${message}`))
  error.name = 'LibsqlBatchError'
  error.code = code
  error.statementIndex = index
  return error
}

/** A failure inside a batch as the client throws it: a LibsqlError becomes a LibsqlBatchError with the index. @param {unknown} error @param {number} index */
function toBatchError(error, index) {
  if (!(error instanceof Error) || error.name !== 'LibsqlError') return error
  const e = /** @type {DriverError} */ (error)
  // The client builds it from the LibsqlError's message, so the code stands in front twice.
  const batch = /** @type {DriverError} */ (new Error(`${e.code}: ${e.message}`, { cause: e.cause }))
  batch.name = 'LibsqlBatchError'
  batch.code = e.code
  batch.extendedCode = e.extendedCode
  batch.rawCode = e.rawCode
  batch.statementIndex = index
  return batch
}

/**
 * @param {unknown} error
 * @returns {WireError}
 */
function toWire(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const e = /** @type {DriverError} */ (error)
  return {
    name: e.name,
    message: e.message,
    code: typeof e.code === 'string' ? e.code : undefined,
    extendedCode: typeof e.extendedCode === 'string' ? e.extendedCode : undefined,
    rawCode: typeof e.rawCode === 'number' ? e.rawCode : undefined,
    statementIndex: typeof e.statementIndex === 'number' ? e.statementIndex : undefined,
    cause: e.cause === undefined ? undefined : toWire(e.cause),
  }
}
