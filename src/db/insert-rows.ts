import { SQL, StringChunk, getTableColumns, getTableName, is, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db, Statement } from './db'

/** One row for one table, as a write unit says it; the writer sends many of them as one INSERT. */
export interface RowInsert<T extends SQLiteTable = SQLiteTable> {
  kind: 'row'
  table: T
  row: T['$inferInsert']
}

/** What a write unit asks for: rows to insert (merged across units), or any other statement (kept as is). */
export type Write = RowInsert | Statement

/**
 * A typed row insert.
 *
 * @example
 * insertRow(cases, { id, reference, schoolId, level, scorerLevel, firstResponseDueAt, createdAt, updatedAt })
 */
export function insertRow<T extends SQLiteTable>(table: T, row: T['$inferInsert']): RowInsert<T> {
  return { kind: 'row', table, row }
}

/**
 * The statements for a batch of writes: row inserts merged into multi-row INSERTs per table, tables in
 * `order` (parents before children, so foreign keys hold statement by statement), then every other
 * statement in the order given. Rows keep their order within a table, so ledger events stay in chain order.
 *
 * @example
 * await runBatch(db, batchStatements(db, [...unitA.writes, ...unitB.writes], insertOrder))
 */
export function batchStatements(db: Db, writes: readonly Write[], order: readonly SQLiteTable[], maxParams = DEFAULT_MAX_PARAMS): Statement[] {
  const rowsByTable = new Map<SQLiteTable, SQLiteTable['$inferInsert'][]>()
  const others: Statement[] = []
  for (const write of writes) {
    if (isRowInsert(write)) {
      const rows = rowsByTable.get(write.table)
      if (rows) rows.push(write.row)
      else rowsByTable.set(write.table, [write.row])
    } else {
      others.push(write)
    }
  }
  const rank = (table: SQLiteTable) => {
    const at = order.indexOf(table)
    return at < 0 ? order.length : at
  }
  const tables = [...rowsByTable.keys()].sort((a, b) => rank(a) - rank(b)) // stable: unlisted tables keep first-seen order
  return [...tables.flatMap((table) => insertRows(db, table, rowsByTable.get(table)!, maxParams)), ...others]
}

function isRowInsert(write: Write): write is RowInsert {
  return (write as Partial<RowInsert>).kind === 'row'
}

/**
 * Most bound parameters in one statement: SQLite's historical default limit, which every build accepts.
 * (D1 allows 100; its host will pass that.)
 */
export const DEFAULT_MAX_PARAMS = 999

interface TablePlan {
  columns: { key: string; column: SQLiteColumn }[]
  head: string
}

const plans = new WeakMap<SQLiteTable, TablePlan>()

function planFor(table: SQLiteTable): TablePlan {
  let plan = plans.get(table)
  if (!plan) {
    // Generated columns (cases.priority) are computed by SQLite and cannot be inserted.
    const columns = Object.entries(getTableColumns(table))
      .filter(([, column]) => !column.generated)
      .map(([key, column]) => ({ key, column: column as SQLiteColumn }))
    const head = `insert into "${getTableName(table)}" (${columns.map((c) => `"${c.column.name}"`).join(', ')}) values `
    plan = { columns, head }
    plans.set(table, plan)
  }
  return plan
}

/**
 * Multi-row INSERT statements for rows of one table, split so no statement binds more than `maxParams`.
 *
 * Why not `db.insert(table).values(rows)`: drizzle's insert builder spends ~70 µs per row turning typed
 * values into SQL (measured on the intake path, more than SQLite takes to store the row). This builds
 * the same statement from the same column metadata — driver mapping (`mapToDriverValue`: JSON, dates,
 * booleans, bytes) and column defaults included — with one string per row shape, and still hands it to
 * `db.batch()` as a drizzle statement. Tests check that rows written here read back exactly as rows
 * written by drizzle's builder.
 *
 * @example
 * await runBatch(db, insertRows(db, events, [row1, row2]))
 */
export function insertRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  maxParams = DEFAULT_MAX_PARAMS,
): Statement[] {
  const plan = planFor(table)
  const perStatement = Math.max(1, Math.floor(maxParams / plan.columns.length))
  const statements: Statement[] = []
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const values = chunk.map((row) => plan.columns.map(({ key, column }) => driverValue(column, (row as Record<string, unknown>)[key])))
    statements.push(values.every((row) => row.every(isPlainParameter)) ? plainInsert(db, plan, values) : drizzleInsert(db, plan, values))
  }
  return statements
}

/**
 * The INSERT as plain text and parameters, handed to `db.batch()` as a drizzle statement. drizzle's batch
 * asks each item for `getQuery()`, which would otherwise walk every chunk of an SQL object through its
 * generic builder (a dozen `is()` class checks per value, about 5% of the request thread under intake load)
 * to arrive at the very same text and parameters, and building that SQL object at all cost another 2%. So
 * the statement answers `getQuery()` with the text built here, and builds drizzle's SQL only if something
 * asks for it or awaits the statement on its own (not through a batch).
 */
function plainInsert(db: Db, plan: TablePlan, values: unknown[][]): Statement {
  const row = `(${plan.columns.map(() => '?').join(', ')})`
  const query = { sql: plan.head + values.map(() => row).join(', '), params: values.flat(), method: 'run' as const }
  let built: ReturnType<typeof drizzleInsert> | undefined
  const viaDrizzle = () => (built ??= drizzleInsert(db, plan, values))
  // A stand-in SQL that is never run: every way to run or read the statement is answered below.
  return Object.assign(db.run(sql.raw(query.sql)), {
    getQuery: () => query,
    getSQL: () => viaDrizzle().getSQL(),
    execute: () => viaDrizzle().execute(),
  })
}

/** The INSERT through drizzle's builder, for values that are not plain parameters (an SQL default, say). */
function drizzleInsert(db: Db, plan: TablePlan, values: unknown[][]) {
  const queryChunks: unknown[] = []
  let text = plan.head
  values.forEach((row, r) => {
    text += r === 0 ? '(' : ', ('
    row.forEach((value, c) => {
      if (c > 0) text += ', '
      // A plain value chunk becomes a bound parameter; an SQL value is spliced in as SQL.
      queryChunks.push(new StringChunk(text), value)
      text = ''
    })
    text += ')'
  })
  queryChunks.push(new StringChunk(text))
  return db.run(new SQL(queryChunks as SQL['queryChunks']))
}

/** The value as the driver takes it: mapped by the column, or the column's default, or NULL. */
function driverValue(column: SQLiteColumn, value: unknown): unknown {
  if (value === undefined) {
    if (column.defaultFn) value = column.defaultFn()
    else if (column.default !== undefined) value = column.default
    else return null
  }
  if (value === null || isSql(value)) return value
  return column.mapToDriverValue(value)
}

/**
 * A value drizzle's builder would bind as one `?` unchanged: a string, number, bigint, boolean, null or bytes.
 * Anything else (SQL, a placeholder, a column, an array that would expand to a list) makes the statement
 * go through drizzle's builder, which knows how to render it.
 */
function isPlainParameter(value: unknown): boolean {
  if (value === null) return true
  const type = typeof value
  if (type === 'string' || type === 'number' || type === 'bigint' || type === 'boolean') return true
  return value instanceof Uint8Array || value instanceof ArrayBuffer
}

/** drizzle's `is()` walks the class chain on every call; strings and numbers, most values, cannot be SQL. */
function isSql(value: unknown): value is SQL {
  return typeof value === 'object' && value !== null && is(value, SQL)
}
