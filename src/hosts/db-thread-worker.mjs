// @ts-check
/**
 * The database thread: owns the embedded libSQL client and runs every call the request thread sends, one
 * at a time, in the order they arrive. The embedded client is synchronous under its promise API — a
 * statement, and a commit's fsync, block the thread that runs them — so running it here keeps that work
 * off the thread that parses requests, scores tips and answers. See `db-thread.ts` for the other side.
 *
 * Plain JavaScript (type-checked through JSDoc) on purpose: a TypeScript worker needs tsx's loader
 * registered inside the worker, which starts its own esbuild service — about a second per database opened,
 * which every test harness pays. As JavaScript the thread starts in the time it takes to load the client.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createClient } from '@libsql/client'

/**
 * @typedef {import('@libsql/client').Client} Client
 * @typedef {import('@libsql/client').ResultSet} ResultSet
 * @typedef {import('./db-thread-protocol').ThreadRequest} ThreadRequest
 * @typedef {import('./db-thread-protocol').ThreadResponse} ThreadResponse
 * @typedef {import('./db-thread-protocol').ThreadReady} ThreadReady
 * @typedef {import('./db-thread-protocol').WireError} WireError
 * @typedef {import('./db-thread-protocol').WireResultSet} WireResultSet
 */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const { url } = /** @type {{ url: string }} */ (workerData)

const client = open()

/**
 * One connection: PRAGMA synchronous is per connection, and SQLite has one writer anyway (node-db.ts).
 * @returns {Client | undefined}
 */
function open() {
  try {
    const opened = createClient({ url, concurrency: 1 })
    port.postMessage(/** @type {ThreadReady} */ ({ ready: true }))
    return opened
  } catch (error) {
    port.postMessage(/** @type {ThreadReady} */ ({ ready: false, error: toWire(error) }))
    port.close()
    return undefined
  }
}

// Calls run strictly in arrival order: the next one starts only after the previous one settled, so a
// batch that is committing is never overtaken by a later read or write.
/** @type {Promise<void>} */
let queue = Promise.resolve()

if (client) {
  port.on('message', (/** @type {ThreadRequest | { op: 'close' }} */ message) => {
    if (message.op === 'close') {
      queue = queue.then(() => {
        client.close()
        port.close()
      })
      return
    }
    // `run` answers every call itself; a failure past that still must not stop the calls queued after it.
    queue = queue.then(() => run(client, message)).catch(() => {})
  })
}

/**
 * @param {Client} client
 * @param {ThreadRequest} request
 */
async function run(client, request) {
  /** @type {ThreadResponse} */
  let response
  try {
    response = { id: request.id, ok: true, result: await call(client, request) }
  } catch (error) {
    response = { id: request.id, ok: false, error: toWire(error) }
  }
  // A reply that cannot be posted must not break the queue: every later call would wait behind it forever.
  try {
    port.postMessage(response)
  } catch (error) {
    port.postMessage(/** @type {ThreadResponse} */ ({ id: request.id, ok: false, error: toWire(error) }))
  }
}

/**
 * @param {Client} client
 * @param {ThreadRequest} request
 * @returns {Promise<WireResultSet | WireResultSet[] | null>}
 */
async function call(client, request) {
  switch (request.op) {
    case 'execute':
      return toWireResult(await client.execute(request.stmt))
    case 'batch':
      return (await client.batch(/** @type {Parameters<Client['batch']>[0]} */ (request.stmts), request.mode)).map(toWireResult)
    case 'migrate':
      return (await client.migrate(request.stmts)).map(toWireResult)
    case 'executeMultiple':
      await client.executeMultiple(request.sql)
      return null
  }
}

/**
 * @param {ResultSet} result
 * @returns {WireResultSet}
 */
function toWireResult(result) {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    // A libSQL row is an array-like object with the values at its indices.
    rows: result.rows.map((row) => /** @type {unknown[]} */ (Array.prototype.slice.call(row))),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
  }
}

/**
 * @param {unknown} error
 * @returns {WireError}
 */
function toWire(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const e = /** @type {Error & { code?: unknown, extendedCode?: unknown, rawCode?: unknown, statementIndex?: unknown }} */ (error)
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
