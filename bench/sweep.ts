/**
 * `npm run bench:sweep`: one deadline sweep over 1,000,000 cases of which 10,000 are open.
 *
 * Builds the cases in a fresh temporary database with one INSERT … SELECT over a recursive counter
 * (synchronous=OFF for the generation only; the sweep then runs with the host's WAL + synchronous=FULL):
 *   - 990,000 closed cases: resolved (their follow-up check done, or reminded) or dismissed;
 *   - 10,000 open cases across the four levels, most with clocks in the future or misses already marked;
 *   - and what one sweep minute realistically finds: open cases whose first-response or resolution
 *     deadline just passed, resolved cases whose 30-day follow-up just came due, critical cases whose next
 *     call-down is due.
 * It prints the query plans (each sweep query must SEARCH a partial index, never SCAN cases), how many
 * entries each partial index holds, then runs the sweep twice — the first writes every finding (events,
 * marks, outbox rows, durably), the second finds nothing — and prints time and rows read for both.
 *
 * Rows read are counted by design: each query is a range scan `due <= now` over a partial index whose
 * WHERE holds all the other conditions, so every index entry visited is a row returned. The plans printed
 * show that this is the access path SQLite chose.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Services } from '../src/app-env'
import { runDeadlineSweep, sweepQueries } from '../src/cases/sweep'
import { loadConfig } from '../src/config'
import { importKeys } from '../src/crypto/keys'
import { GroupCommitWriter } from '../src/db/group-commit'
import { applyMigrations, openDatabase } from '../src/hosts/node-db'
import { seedDemoDistrict } from '../src/schools/demo-district'

const TOTAL = 1_000_000
const MIN = 60_000
const DAY = 24 * 60 * MIN
const now = Date.UTC(2026, 2, 20, 8, 0, 0)

const dir = mkdtempSync(join(tmpdir(), 'tipline-bench-sweep-'))
const { db, client } = await openDatabase({ url: `file:${join(dir, 'tipline.db')}` })
try {
  await applyMigrations(db)
  const config = loadConfig({
    LOG_REQUESTS: '0',
    DATA_KEY: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    RECEIPT_KEY: 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
  })
  const keys = await importKeys(config)
  await seedDemoDistrict(db, keys, new Date(now - 400 * DAY))
  // Every school has an on-duty channel and two call-down contacts, so findings write real outbox rows.
  await client.execute(`INSERT INTO notify_targets (school_id, role, call_order, label, format, url, created_at)
    SELECT id, 'channel', NULL, 'duty', 'json', 'http://127.0.0.1:9/hook', 0 FROM schools
    UNION ALL SELECT id, 'contact', 1, 'c1', 'json', 'http://127.0.0.1:9/c1', 0 FROM schools
    UNION ALL SELECT id, 'contact', 2, 'c2', 'json', 'http://127.0.0.1:9/c2', 0 FROM schools`)

  const genStart = performance.now()
  await client.execute('PRAGMA synchronous = OFF') // generation only
  // i % 100 = 0 → open (10,000). Within the open ones (j = i / 100):
  //   j % 100 = 1 → new, first response due 30 s ago, unmarked          (100: due now)
  //   j % 100 = 2 → investigating, resolution due 30 s ago, unmarked    (100: due now)
  //   j % 100 = 3 → critical, new, next call-down due 10 s ago          (100: due now)
  //   j % 3  = 0 → new, first response missed and already marked
  //   otherwise  → acknowledged / investigating, clocks in the future
  // Closed: i % 10,000 = 5 → resolved, follow-up due 30 s ago (99: due now); other resolved: check done.
  await client.execute(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${TOTAL - 1}),
    c AS (
      SELECT i, i / 100 AS j, i % 100 = 0 AS open, (i % 14) + 1 AS school,
        CASE (CASE WHEN i % 100 = 0 THEN i / 100 ELSE i END) % 4 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END AS lvl,
        ${now} - (i % 3000) * 600000 - 3600000 AS created
      FROM n
    )
    INSERT INTO cases (id, reference, school_id, level, scorer_level, state, escalated, first_response_due_at, created_at, updated_at,
      acknowledged_at, closed_at, resolution_due_at, first_response_overdue_at, resolution_overdue_at, call_down_step, call_down_next_at,
      follow_up_due_at, follow_up_reminded_at, follow_up_done_at)
    SELECT printf('c%07d', i), printf('B-%07d', i), school,
      CASE WHEN open AND j % 100 = 3 THEN 'critical' ELSE lvl END, lvl,
      CASE
        WHEN NOT open THEN CASE WHEN i % 7 = 0 THEN 'dismissed' ELSE 'resolved' END
        WHEN j % 100 IN (1, 3) OR (j % 3 = 0 AND j % 100 NOT IN (2)) THEN 'new'
        WHEN j % 2 = 0 THEN 'investigating' ELSE 'acknowledged' END,
      0,
      CASE WHEN open AND j % 100 = 1 THEN ${now} - 30000 WHEN open AND j % 3 = 0 THEN created + 900000 ELSE ${now} + (i % 997) * 60000 END,
      created, created,
      CASE WHEN NOT open OR j % 100 NOT IN (1, 3) THEN created + 600000 END,
      CASE WHEN NOT open THEN created + 5 * ${DAY} END,
      CASE WHEN open AND j % 100 = 2 THEN ${now} - 30000 WHEN open THEN ${now} + (i % 991 + 1) * 3600000 ELSE created + 10 * ${DAY} END,
      CASE WHEN open AND j % 3 = 0 AND j % 100 NOT IN (1, 2, 3) THEN created + 960000 END,
      NULL,
      CASE WHEN open AND j % 100 = 3 THEN 1 ELSE 0 END,
      CASE WHEN open AND j % 100 = 3 THEN ${now} - 10000 END,
      CASE WHEN NOT open AND i % 7 <> 0 THEN CASE WHEN i % 10000 = 5 THEN ${now} - 30000 ELSE created + 35 * ${DAY} END END,
      NULL,
      CASE WHEN NOT open AND i % 7 <> 0 AND i % 10000 <> 5 THEN created + 36 * ${DAY} END
    FROM c`)
  await client.execute('PRAGMA synchronous = FULL')
  await client.execute('ANALYZE')
  const genMs = performance.now() - genStart
  const count = async (sql: string) => Number((await client.execute(sql)).rows[0]?.[0])
  console.log(
    `cases: ${await count('SELECT count(*) FROM cases')} (${await count("SELECT count(*) FROM cases WHERE state IN ('new','acknowledged','investigating')")} open), generated in ${(genMs / 1000).toFixed(1)} s`,
  )

  console.log('\nquery plans:')
  const queries = sweepQueries(db, now)
  for (const [name, query] of Object.entries(queries)) {
    const { sql, params } = query.toSQL()
    const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as (string | number)[] })
    const detail = plan.rows.map((r) => String(r.detail)).join('; ')
    if (!/USING INDEX cases_\w+_sweep_idx/.test(detail) || /SCAN cases\b/.test(detail)) throw new Error(`${name} does not use its partial index: ${detail}`)
    console.log(`  ${name.padEnd(14)} ${detail}`)
  }
  console.log('\npartial index entries (what a sweep could ever look at):')
  for (const [index, where] of [
    ['cases_first_response_sweep_idx', `"state" = 'new' AND "first_response_overdue_at" IS NULL`],
    ['cases_resolution_sweep_idx', `"state" IN ('new', 'acknowledged', 'investigating') AND "resolution_overdue_at" IS NULL`],
    ['cases_follow_up_sweep_idx', `"state" = 'resolved' AND "follow_up_reminded_at" IS NULL AND "follow_up_done_at" IS NULL`],
    ['cases_call_down_sweep_idx', `"call_down_next_at" IS NOT NULL`],
  ] as const) {
    console.log(`  ${index.padEnd(32)} ${await count(`SELECT count(*) FROM cases INDEXED BY ${index} WHERE ${where}`)}`)
  }

  const writer = new GroupCommitWriter({ db, schedule: setImmediate })
  const services: Services = { config, log: () => {}, now: () => new Date(now), db, keys, writer }
  for (const label of ['first sweep (writes every finding, synchronous=FULL)', 'second sweep (nothing left due)']) {
    const t0 = performance.now()
    const report = await runDeadlineSweep(services, new Date(now))
    const ms = performance.now() - t0
    console.log(`\n${label}: ${ms.toFixed(1)} ms, rows read ${report.rowsRead} of ${TOTAL}`)
    console.log(`  ${JSON.stringify(report)}`)
  }
  console.log(`  events written: ${await count('SELECT count(*) FROM events')}, outbox rows: ${await count('SELECT count(*) FROM outbox')}`)
  await writer.close()
} finally {
  client.close()
  rmSync(dir, { recursive: true, force: true })
}
