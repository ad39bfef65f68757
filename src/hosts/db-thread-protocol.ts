import type { InStatement, TransactionMode } from '@libsql/client'

/**
 * The messages between the database thread (`db-thread-worker.mjs`) and the client that fronts it on the
 * request thread (`db-thread.ts`). Types only: both sides import this, neither pulls the other in.
 */

/** What the request thread asks for: the @libsql/client calls drizzle and the host make. */
export type ThreadCall =
  | { op: 'execute'; stmt: InStatement }
  | { op: 'batch'; stmts: (InStatement | [string, unknown[]?])[]; mode: TransactionMode }
  | { op: 'migrate'; stmts: InStatement[] }
  | { op: 'executeMultiple'; sql: string }

export type ThreadRequest = ThreadCall & { id: number }

/**
 * A result set as it crosses the thread boundary: rows as plain arrays (structured clone keeps arrays and
 * values, not the named properties libSQL hangs on each row); the request thread puts the names back.
 */
export interface WireResultSet {
  columns: string[]
  columnTypes: string[]
  rows: unknown[][]
  rowsAffected: number
  lastInsertRowid: bigint | undefined
}

/**
 * An error as it crosses the boundary. Structured clone keeps an Error's message but drops its own
 * properties (`code`, `statementIndex`), which callers rely on, so they travel as data and the request
 * thread rebuilds the same class.
 */
export interface WireError {
  name: string
  message: string
  code?: string | undefined
  extendedCode?: string | undefined
  rawCode?: number | undefined
  statementIndex?: number | undefined
  cause?: WireError | undefined
}

export type ThreadResponse =
  | { id: number; ok: true; result: WireResultSet | WireResultSet[] | null }
  | { id: number; ok: false; error: WireError }

/** The first message the thread sends: the database opened, or why it did not. */
export type ThreadReady = { ready: true } | { ready: false; error: WireError }
