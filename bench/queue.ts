/**
 * `npm run bench:queue`: the staff side at district scale. Builds 1,000,000 cases (each with its tip and
 * its two ledger events, a hash-chained 2,000,000-event ledger) in a temporary embedded database, then
 * measures in-process (`app.request`, the whole stack but the socket) p50/p99 of:
 *   1. a counselor's queue, first page (one school),
 *   2. a district admin's queue, first page (the district),
 *   3. the case page of an open case (unsealed text, signals, messages, ledger).
 * Goal: each p99 < 20 ms.
 *
 * Generation only runs with journal_mode=OFF and synchronous=OFF and multi-row INSERTs in large
 * transactions; the measurements run on the database reopened as the host opens it (WAL, synchronous
 * FULL). BENCH_CASES (default 1,000,000) and BENCH_RUNS (default 500) scale it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client, InStatement, InValue } from '@libsql/client'
import { createApp } from '../src/app'
import { categoryMask } from '../src/cases/category-mask'
import { firstResponseDueAt } from '../src/cases/deadlines'
import { loadConfig } from '../src/config'
import { toHex } from '../src/crypto/bytes'
import { importKeys, newSecret } from '../src/crypto/keys'
import { randomBytes } from '../src/crypto/random'
import { seal } from '../src/crypto/seal'
import { GroupCommitWriter } from '../src/db/group-commit'
import { newId } from '../src/db/ids'
import { silentLogger } from '../src/http/logger'
import { applyMigrations, openDatabase } from '../src/hosts/node-db'
import { createHash } from 'node:crypto'
import { type ChainHead, type ChainedEvent, EMPTY_HEAD, type EventDraft, canonicalJson, chainEvent, hashInput } from '../src/ledger/chain'
import { seedDemoDistrict } from '../src/schools/demo-district'
import { scoreTip } from '../src/scoring/score'
import { DEMO_PASSWORD } from '../src/auth/accounts'
import { storedSignals, tipContext } from '../src/tips/intake'
import { groupOfFour, randomCrockford } from '../src/tips/receipt'

const TOTAL = Number(process.env.BENCH_CASES ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 500)
const CHUNK = 50_000
const SCHOOLS = 14
/** Share of cases still open: a district clears most of its cases, but years of history stay. */
const OPEN_SHARE = 0.05
const DAY = 86_400_000

const texts = [
  '班上有几个人天天骂我是猪 还把我的书扔进垃圾桶',
  '我不想活了 每天都被骂 好累',
  '他说再告老师就弄死我 我好怕',
  '班群里有人一直发我的外号 还配🐷🐷🐷 大家都跟着发',
  'Someone keeps taking my lunch money behind the gym',
  '有几个高年级的在厕所里要我交钱，不给就打',
  'I have a suggestion about the canteen menu',
  '走廊的灯坏了好几天了',
]
const scored = texts.map((text) => ({ text, score: scoreTip(text, 'student') }))
const places = ['classroom', 'corridor', 'toilet', 'playground', 'dormitory', 'canteen', 'school_gate', 'online']

/** Multi-row INSERTs of up to 30,000 bound values each. */
function insertMany(table: string, columns: string[], rows: InValue[][]): InStatement[] {
  const perStatement = Math.floor(30_000 / columns.length)
  const one = `(${columns.map(() => '?').join(',')})`
  const statements: InStatement[] = []
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    statements.push({ sql: `insert into ${table} (${columns.join(',')}) values ${chunk.map(() => one).join(',')}`, args: chunk.flat() })
  }
  return statements
}

/**
 * `chainEvent` with Node's native SHA-256: the app's pure-JS hash costs ~0.1 ms an event here, which is
 * fine per request but minutes over two million events. Same bytes hashed, checked against chainEvent.
 */
function chainFast(head: ChainHead, draft: EventDraft): { event: ChainedEvent; head: ChainHead } {
  const unhashed = { seq: head.seq + 1, caseId: draft.caseId, actor: draft.actor, action: draft.action, payload: canonicalJson(draft.payload), time: draft.time, prevHash: head.hash }
  const hash = createHash('sha256').update(hashInput(unhashed)).digest('hex')
  return { event: { ...unhashed, hash }, head: { seq: unhashed.seq, hash } }
}

async function generate(client: Client, keys: Awaited<ReturnType<typeof importKeys>>, now: number): Promise<void> {
  await client.execute('PRAGMA journal_mode = OFF')
  await client.execute('PRAGMA synchronous = OFF')
  // Random-key unique indexes (receipt hashes, prev_hash, references) want their pages in memory.
  await client.execute('PRAGMA cache_size = -262144')
  let head = EMPTY_HEAD
  const references = new Set<string>()
  const started = performance.now()
  for (let base = 0; base < TOTAL; base += CHUNK) {
    const chunkStart = performance.now()
    const toSeal: { row: InValue[]; tipId: string; text: string }[] = []
    const cases: InValue[][] = []
    const tips: InValue[][] = []
    const events: InValue[][] = []
    for (let i = base; i < Math.min(TOTAL, base + CHUNK); i++) {
      // Spread over three years, oldest first; the newest OPEN_SHARE are still open.
      const at = new Date(now - Math.floor(((TOTAL - i) / TOTAL) * 3 * 365 * DAY))
      const open = i >= TOTAL * (1 - OPEN_SHARE)
      const pick = scored[i % scored.length]!
      const level = pick.score.level
      const state = open ? (['new', 'acknowledged', 'investigating'] as const)[i % 3]! : i % 10 === 0 ? 'dismissed' : 'resolved'
      const caseId = newId(at)
      const tipId = newId(at)
      const schoolId = (i % SCHOOLS) + 1
      const due = firstResponseDueAt(level, at).getTime()
      // 40-bit references collide about once per 2^20 draws at this size; the app retries such a write,
      // the generator just draws again.
      let reference = `T-${groupOfFour(randomCrockford(8))}`
      while (references.has(reference)) reference = `T-${groupOfFour(randomCrockford(8))}`
      references.add(reference)
      cases.push([
        caseId, reference, schoolId, level, level, state, 0, null, due, at.getTime(), at.getTime(),
        state === 'new' ? null : at.getTime() + 600_000, open ? null : at.getTime() + 5 * DAY, 0, categoryMask(pick.score.categories),
      ])
      tips.push([
        tipId, caseId, schoolId, toHex(randomBytes(32)), 'student', 'web', places[i % places.length]!, null, null, 'zh', null, level,
        pick.score.score, JSON.stringify(pick.score.categories), JSON.stringify(storedSignals(pick.score)), pick.score.scorerVersion,
        null, null, null, at.getTime(),
      ])
      toSeal.push({ row: tips[tips.length - 1]!, tipId, text: pick.text })
      for (const [actor, action, payload] of [
        ['reporter', 'tip.received', { tip: tipId, reference, channel: 'web', firstResponseDueAt: due }],
        ['system', 'tip.scored', { tip: tipId, level, score: pick.score.score, scorerVersion: pick.score.scorerVersion }],
      ] as const) {
        const draft = { caseId, actor, action, payload, time: at.getTime() }
        const chained = chainFast(head, draft)
        if (head.seq === 0 && chained.event.hash !== chainEvent(head, draft).event.hash) throw new Error('chainFast disagrees with chainEvent')
        head = chained.head
        const e = chained.event
        events.push([e.seq, e.caseId, e.actor, e.action, e.payload, e.time, e.prevHash, e.hash])
      }
    }
    const looped = performance.now()
    // WebCrypto encrypts off the main thread: seal the chunk's tips concurrently, not one await at a time.
    for (let i = 0; i < toSeal.length; i += 2000) {
      await Promise.all(
        toSeal.slice(i, i + 2000).map(async ({ row, tipId, text }) => {
          const sealed = await seal(keys, tipContext(tipId), JSON.stringify({ text }))
          row[16] = sealed.keyId
          row[17] = sealed.nonce
          row[18] = sealed.body
        }),
      )
    }
    const built = performance.now()
    // One batch = one transaction on the client's own connection (client.transaction() would hand the
    // connection over and later chunks would get a fresh one without the PRAGMAs above).
    await client.batch([
      ...insertMany('cases', ['id', 'reference', 'school_id', 'level', 'scorer_level', 'state', 'escalated', 'assignee_id', 'first_response_due_at', 'created_at', 'updated_at', 'acknowledged_at', 'closed_at', 'version', 'category_mask'], cases),
      ...insertMany('tips', ['id', 'case_id', 'school_id', 'receipt_hash', 'reporter', 'channel', 'place', 'ongoing', 'informant_code_id', 'lang', 'reporter_categories', 'level', 'score', 'categories', 'signals', 'scorer_version', 'key_id', 'nonce', 'body', 'created_at'], tips),
      ...insertMany('events', ['seq', 'case_id', 'actor', 'action', 'payload', 'created_at', 'prev_hash', 'hash'], events),
    ], 'write')
    if (process.env.BENCH_PROFILE) console.log(` loop ${(looped - chunkStart).toFixed(0)} ms, build ${(built - chunkStart).toFixed(0)} ms, write ${(performance.now() - built).toFixed(0)} ms`)
    const done = Math.min(TOTAL, base + CHUNK)
    process.stdout.write(`\rgenerated ${done.toLocaleString('en')} cases (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  process.stdout.write('\n')
  await client.execute('ANALYZE')
  await client.execute('PRAGMA journal_mode = WAL')
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function measure(name: string, run: () => Response | Promise<Response>): Promise<{ name: string; p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await run() // warm caches and prepared statements
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    const res = await run()
    await res.arrayBuffer()
    times.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`)
  }
  times.sort((a, b) => a - b)
  return { name, p50: percentile(times, 50), p99: percentile(times, 99) }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tipline-bench-queue-'))
  const path = join(dir, 'tipline.db')
  try {
    const config = loadConfig({ DATA_KEY: newSecret(), RECEIPT_KEY: newSecret(), SESSION_KEY: newSecret(), LOG_REQUESTS: '0', PASSWORD_ITERATIONS: '1000' })
    const keys = await importKeys(config)
    const now = new Date()
    {
      const { db, client } = await openDatabase({ url: `file:${path}` })
      await applyMigrations(db)
      await seedDemoDistrict(db, keys, now, { passwordIterations: config.PASSWORD_ITERATIONS })
      await generate(client, keys, now.getTime())
      client.close()
    }
    console.log(`database: ${(statSync(path).size / 1e6).toFixed(0)} MB, ${TOTAL.toLocaleString('en')} cases, ${(TOTAL * 2).toLocaleString('en')} events`)

    const { db, client } = await openDatabase({ url: `file:${path}` }) // as the host opens it: WAL, synchronous FULL
    const writer = new GroupCommitWriter({ db, schedule: setImmediate })
    const app = createApp({ config, log: silentLogger, now: () => now, db, keys, writer })
    const signIn = async (email: string) =>
      ((await (await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) })).json()) as { token: string }).token
    const counselor = { authorization: `Bearer ${await signIn('counselor@demo.local')}` }
    const admin = { authorization: `Bearer ${await signIn('admin@demo.local')}` }
    const firstPage = (await (await app.request('/api/cases', { headers: counselor })).json()) as { cases: { id: string }[]; counts: Record<string, number> }
    console.log(`QX-H01 open cases per level: ${JSON.stringify(firstPage.counts)}`)
    const caseIds = firstPage.cases.map((c) => c.id)
    let n = 0

    ;(globalThis as { gc?: () => void }).gc?.() // the generator's garbage is not the queue's
    const results = [
      await measure('queue, first page, one school (counselor)', () => app.request('/api/cases', { headers: counselor })),
      await measure('queue, first page, district (district admin)', () => app.request('/api/cases', { headers: admin })),
      await measure('queue, first page, district, category=self_harm', () => app.request('/api/cases?category=self_harm', { headers: admin })),
      await measure('case page (counselor)', () => app.request(`/api/cases/${caseIds[n++ % caseIds.length]}`, { headers: counselor })),
    ]
    console.log(`\n${RUNS} requests each, in-process app.request (no socket), goal p99 < 20 ms:`)
    for (const r of results) {
      console.log(`  ${r.name.padEnd(50)} p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   ${r.p99 < 20 ? 'ok' : 'OVER GOAL'}`)
    }
    await writer.close()
    client.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
