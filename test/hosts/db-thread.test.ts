import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, LibsqlBatchError, LibsqlError, createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ThreadClient, openThreadClient } from '../../src/hosts/db-thread'

const notes = sqliteTable('notes', { id: integer('id').primaryKey(), body: text('body').notNull() })

let dir: string
let thread: ThreadClient
/** The same database through the ordinary in-thread client, to compare behaviour against. */
let inline: Client

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tipline-thread-'))
  const url = `file:${join(dir, 'db.sqlite')}`
  thread = await openThreadClient(url)
  inline = createClient({ url, concurrency: 1 })
  await thread.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, blob BLOB)')
})

afterEach(async () => {
  thread.close()
  await thread.whenClosed()
  inline.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the database thread client', () => {
  it('returns rows readable by index and by column name, as the in-thread client does', async () => {
    await thread.execute({ sql: 'INSERT INTO notes (id, body, blob) VALUES (?, ?, ?)', args: [1, 'hello', new Uint8Array([1, 2, 3])] })
    const viaThread = await thread.execute('SELECT id, body, blob FROM notes')
    const viaInline = await inline.execute('SELECT id, body, blob FROM notes')
    const row = viaThread.rows[0]!
    expect([row[0], row[1], row.length]).toEqual([1, 'hello', 3])
    expect(row.id).toBe(1)
    expect(Object.keys(row)).toEqual(Object.keys(viaInline.rows[0]!))
    expect(Array.prototype.slice.call(row).slice(0, 2)).toEqual([1, 'hello'])
    expect(row.blob).toBeInstanceOf(ArrayBuffer)
    expect([...new Uint8Array(row.blob as ArrayBuffer)]).toEqual([1, 2, 3])
    expect(viaThread.columns).toEqual(viaInline.columns)
  })

  it('reports rows affected and the last rowid of a write', async () => {
    const result = await thread.execute({ sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [7, 'x'] })
    expect(result.rowsAffected).toBe(1)
    expect(result.lastInsertRowid).toBe(7n)
  })

  it('serves drizzle: typed selects, raw selects and batches', async () => {
    const db = drizzle(thread)
    await db.batch([db.insert(notes).values({ id: 1, body: 'a' }), db.insert(notes).values({ id: 2, body: 'b' })])
    expect(await db.select().from(notes).orderBy(notes.id)).toEqual([
      { id: 1, body: 'a' },
      { id: 2, body: 'b' },
    ])
    expect(await db.all(sql`SELECT count(*) AS n FROM notes`)).toEqual([{ n: 2 }])
    expect(await db.get(sql`SELECT body FROM notes WHERE id = 2`)).toEqual({ body: 'b' })
  })

  it('commits a batch all or nothing, and rejects a failed one with the client’s LibsqlBatchError', async () => {
    const batch = [
      { sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [1, 'first'] },
      { sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [1, 'same id again'] },
    ]
    const error = await thread.batch(batch).catch((e: unknown) => e)
    const expected = await inline.batch(batch).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LibsqlBatchError)
    expect(expected).toBeInstanceOf(LibsqlBatchError)
    const [got, want] = [error as LibsqlBatchError, expected as LibsqlBatchError]
    expect({ message: got.message, code: got.code, extendedCode: got.extendedCode, index: got.statementIndex }).toEqual({
      message: want.message,
      code: want.code,
      extendedCode: want.extendedCode,
      index: want.statementIndex,
    })
    expect(got.statementIndex).toBe(1)
    expect(Number((await thread.execute('SELECT count(*) FROM notes')).rows[0]![0])).toBe(0)
  })

  it('rejects bad SQL with LibsqlError and its code, and a value SQLite cannot take with TypeError', async () => {
    const error = await thread.execute('SELECT nope FROM nowhere').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LibsqlError)
    expect((error as LibsqlError).code).toBe('SQLITE_ERROR')
    expect((error as LibsqlError).message).toBe(((await inline.execute('SELECT nope FROM nowhere').catch((e: unknown) => e)) as Error).message)
    await expect(thread.execute({ sql: 'SELECT ?', args: [undefined as unknown as null] })).rejects.toBeInstanceOf(TypeError)
    await expect(thread.execute({ sql: 'SELECT ?', args: [(() => 1) as unknown as null] })).rejects.toBeInstanceOf(TypeError)
    // The thread goes on serving after a failure.
    expect(Number((await thread.execute('SELECT 1')).rows[0]![0])).toBe(1)
  })

  it('gives the same answers as the in-thread client for named arguments, big integers, booleans and NULL', async () => {
    await thread.execute('CREATE TABLE vals (i INTEGER, t TEXT, b BLOB)')
    const insert = { sql: 'INSERT INTO vals (i, t, b) VALUES (:i, @t, $b)', args: { i: 9007199254740991, t: 'x', b: null } }
    await thread.execute(insert)
    await thread.execute({ sql: 'INSERT INTO vals (i, t) VALUES (?, ?)', args: [true, null] })
    const [viaThread, viaInline] = [await thread.execute('SELECT i, t, b FROM vals ORDER BY rowid'), await inline.execute('SELECT i, t, b FROM vals ORDER BY rowid')]
    expect(viaThread.rows.map((r) => [...Array.prototype.slice.call(r)])).toEqual(viaInline.rows.map((r) => [...Array.prototype.slice.call(r)]))
    expect(viaThread.columnTypes).toEqual(viaInline.columnTypes)
    await thread.execute({ sql: 'INSERT INTO vals (i) VALUES (?)', args: [9007199254740993n] })
    const tooBig = await thread.execute('SELECT i FROM vals WHERE i > 9007199254740991').catch((e: unknown) => e)
    expect(tooBig).toBeInstanceOf(RangeError)
    expect((tooBig as Error).message).toBe(((await inline.execute('SELECT i FROM vals WHERE i > 9007199254740991').catch((e: unknown) => e)) as Error).message)
  })

  it('keeps statements prepared without going stale: a schema change is seen by the same SQL text', async () => {
    // The thread keeps a prepared statement per SQL text; after ALTER TABLE the same `SELECT *` has a new column.
    await thread.execute({ sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [1, 'a'] })
    expect((await thread.execute('SELECT * FROM notes')).columns).toEqual(['id', 'body', 'blob'])
    await thread.execute("ALTER TABLE notes ADD COLUMN tag TEXT DEFAULT 'x'")
    const after = await thread.execute('SELECT * FROM notes')
    expect(after.columns).toEqual(['id', 'body', 'blob', 'tag'])
    expect(after.rows[0]!.tag).toBe('x')
    await thread.executeMultiple('ALTER TABLE notes ADD COLUMN more INTEGER DEFAULT 5;')
    expect((await thread.execute('SELECT * FROM notes')).rows[0]!.more).toBe(5)
  })

  it('sees a schema change however its SQL begins (a comment first), and after a script', async () => {
    await thread.execute({ sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [1, 'a'] })
    expect((await thread.execute('SELECT * FROM notes')).columns).toEqual(['id', 'body', 'blob'])
    await thread.execute("-- a migration's comment\nALTER TABLE notes ADD COLUMN tag TEXT DEFAULT 'x'")
    expect((await thread.execute('SELECT * FROM notes')).rows[0]!.tag).toBe('x')
  })

  it('leaves no transaction open after a call, as the client gives back a clean connection', async () => {
    // A script that fails half-way, and a lone BEGIN: neither may swallow the next call's writes.
    await expect(thread.executeMultiple("BEGIN; INSERT INTO notes (id, body) VALUES (1, 'a'); INSERT INTO nowhere VALUES (1);")).rejects.toBeInstanceOf(LibsqlError)
    await thread.execute('BEGIN')
    await thread.batch([{ sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [2, 'b'] }])
    // Committed and visible to another connection: nothing was left open around it.
    expect((await inline.execute('SELECT id FROM notes ORDER BY id')).rows.map((r) => r.id)).toEqual([2])
  })

  it('answers rightly past the number of statements it keeps prepared, and reuses one that failed', async () => {
    for (let i = 0; i < 300; i++) expect(Number((await thread.execute(`SELECT ${i} + 0 AS n`)).rows[0]![0])).toBe(i)
    const insert = 'INSERT INTO notes (id, body) VALUES (?, ?)'
    await thread.execute({ sql: insert, args: [1, 'a'] })
    await expect(thread.execute({ sql: insert, args: [1, 'again'] })).rejects.toBeInstanceOf(LibsqlError)
    await thread.execute({ sql: insert, args: [2, 'b'] })
    expect((await thread.execute('SELECT body FROM notes ORDER BY id')).rows.map((r) => r.body)).toEqual(['a', 'b'])
  })

  it('runs calls in the order they were made, even when they overlap', async () => {
    const calls = Array.from({ length: 50 }, (_, i) => thread.execute({ sql: 'INSERT INTO notes (id, body) VALUES (?, ?)', args: [i, `n${i}`] }))
    const count = thread.execute('SELECT count(*) FROM notes')
    await Promise.all(calls)
    expect(Number((await count).rows[0]![0])).toBe(50)
  })

  it('answers the calls made before close, then refuses new ones and stops', async () => {
    const before = thread.execute('SELECT 42')
    thread.close()
    expect(Number((await before).rows[0]![0])).toBe(42)
    await expect(thread.execute('SELECT 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' })
    await thread.whenClosed()
    expect(thread.closed).toBe(true)
  })

  it('does not offer interactive transactions', async () => {
    await expect(thread.transaction()).rejects.toMatchObject({ code: 'TRANSACTION_UNSUPPORTED' })
  })

  it('fails to open a database it cannot open, with the error the in-thread client gives', async () => {
    const url = `file:${join(dir, 'missing-dir', 'x', 'db.sqlite')}`
    const error = (await openThreadClient(url).catch((e: unknown) => e)) as Error
    let expected: Error | undefined
    try {
      createClient({ url }).close()
    } catch (e) {
      expected = e as Error
    }
    expect(expected).toBeDefined()
    expect({ name: error.name, message: error.message }).toEqual({ name: expected!.name, message: expected!.message })
  })
})

describe('when the database thread dies', () => {
  it('refuses every later call at once instead of leaving it waiting, and says the thread stopped', async () => {
    const stopped: number[] = []
    const url = `file:${join(dir, 'dying.sqlite')}`
    const dying = await openThreadClient(url, { onStopped: (code) => stopped.push(code) })
    await dying.execute('CREATE TABLE t (x INTEGER)')
    // Kill the thread the way a crash would: not through close().
    await (dying as unknown as { worker: import('node:worker_threads').Worker }).worker.terminate()
    await dying.whenClosed()
    expect(stopped).toHaveLength(1)
    const refused = await dying.execute('SELECT 1').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(LibsqlError)
    expect((refused as LibsqlError).code).toBe('CLIENT_CLOSED')
    const batchRefused = await dying.batch(['INSERT INTO t VALUES (1)']).catch((e: unknown) => e)
    expect((batchRefused as LibsqlError).code).toBe('CLIENT_CLOSED')
  })

  it('does not report a thread stopped by close() as a crash', async () => {
    const stopped: number[] = []
    const quiet = await openThreadClient(`file:${join(dir, 'quiet.sqlite')}`, { onStopped: (code) => stopped.push(code) })
    quiet.close()
    await quiet.whenClosed()
    expect(stopped).toEqual([])
  })
})
