/**
 * The database thread: owns the embedded libSQL client and runs every call the request thread sends, one
 * at a time, in the order they arrive. The embedded client is synchronous under its promise API — a
 * statement, and a commit's fsync, block the thread that runs them — so running it here keeps that work
 * off the thread that parses requests, scores tips and answers. See `db-thread.ts` for the other side.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type Client, type ResultSet, createClient } from '@libsql/client'
import type { ThreadReady, ThreadRequest, ThreadResponse, WireError, WireResultSet } from './db-thread-protocol'

const port = parentPort!
const { url } = workerData as { url: string }

const client = open()

/** One connection: PRAGMA synchronous is per connection, and SQLite has one writer anyway (node-db.ts). */
function open(): Client | undefined {
  try {
    const opened = createClient({ url, concurrency: 1 })
    port.postMessage({ ready: true } satisfies ThreadReady)
    return opened
  } catch (error) {
    port.postMessage({ ready: false, error: toWire(error) } satisfies ThreadReady)
    port.close()
    return undefined
  }
}

// Calls run strictly in arrival order: the next one starts only after the previous one settled, so a
// batch that is committing is never overtaken by a later read or write.
let queue: Promise<void> = Promise.resolve()

if (client) port.on('message', (message: ThreadRequest | { op: 'close' }) => {
  if (message.op === 'close') {
    queue = queue.then(() => {
      client.close()
      port.close()
    })
    return
  }
  queue = queue.then(() => run(client, message))
})

async function run(client: Client, request: ThreadRequest): Promise<void> {
  let response: ThreadResponse
  try {
    response = { id: request.id, ok: true, result: await call(client, request) }
  } catch (error) {
    response = { id: request.id, ok: false, error: toWire(error) }
  }
  port.postMessage(response)
}

async function call(client: Client, request: ThreadRequest): Promise<WireResultSet | WireResultSet[] | null> {
  switch (request.op) {
    case 'execute':
      return toWireResult(await client.execute(request.stmt))
    case 'batch':
      return (await client.batch(request.stmts as Parameters<Client['batch']>[0], request.mode)).map(toWireResult)
    case 'migrate':
      return (await client.migrate(request.stmts)).map(toWireResult)
    case 'executeMultiple':
      await client.executeMultiple(request.sql)
      return null
  }
}

function toWireResult(result: ResultSet): WireResultSet {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    // A libSQL row is an array-like object with the values at its indices.
    rows: result.rows.map((row) => Array.prototype.slice.call(row) as unknown[]),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
  }
}

function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const e = error as Error & { code?: unknown; extendedCode?: unknown; rawCode?: unknown; statementIndex?: unknown }
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
