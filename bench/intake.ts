/**
 * `npm run bench:intake`: how fast anonymous intake is, durably.
 *
 * Starts the real Node host as a child process on 127.0.0.1 with a fresh temporary database (WAL,
 * synchronous=FULL, rate limits off because every request comes from one address), then in one run on
 * this machine measures:
 *   1. a bare `GET /healthz` (the HTTP stack's ceiling),
 *   2. `POST /api/tips` with the realistic dev tips, 50 connections,
 *   3. raw single-row durable inserts into the same kind of database (one commit, one fsync each),
 * and prints tips/s with p50/p99 beside both baselines and both ratios. Finally it counts the tips in the
 * database against the 201s the load generator saw: every acknowledged tip must be there.
 *
 * Loopback only; every phase is bounded in time. BENCH_SECONDS (default 10) sets the length of a phase.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { openDatabase } from '../src/hosts/node-db'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 50
const places = ['classroom', 'corridor', 'toilet', 'playground', 'dormitory', 'canteen', 'school_gate', 'online']

interface DevTip {
  text: string
  reporter: string
}

function loadTips(): DevTip[] {
  const path = resolve(root, '../shared/data/tips-dev.jsonl')
  if (existsSync(path)) {
    const tips = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as DevTip)
    console.log(`tips: ${tips.length} realistic dev tips from ${path}`)
    return tips
  }
  console.log(`tips: ${path} not found; using a small built-in sample instead`)
  return [
    { text: '班群里有人一直发我的外号 还配🐷🐷🐷 大家都跟着发', reporter: 'student' },
    { text: '我不想活了 每天都被骂 好累', reporter: 'student' },
    { text: 'A fake Instagram account is posting mean jokes and rumors about a girl in 8th grade.', reporter: 'informant' },
    { text: '他说再告老师就弄死我 我好怕', reporter: 'student' },
  ]
}

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/hosts/node.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_REQUESTS: '0', RATE_LIMITS: '0', TIPLINE_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 30 s:\n${out}`)), 30_000)
    child.stdout!.on('data', () => {
      const match = /Tipline listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        ok(match[1]!)
      }
    })
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${out}`)))
  })
  return { url, child, output: () => out }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

/** One commit per row, as a naive intake would do it: the ceiling group commit has to beat. */
async function rawInserts(dir: string, durationMs: number): Promise<number> {
  const { client } = await openDatabase({ url: `file:${join(dir, 'raw.db')}`, ownThread: false })
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL, created_at INTEGER NOT NULL)')
  const body = crypto.getRandomValues(new Uint8Array(200))
  const started = performance.now()
  let n = 0
  while (performance.now() - started < durationMs) {
    await client.execute({ sql: 'INSERT INTO t (body, created_at) VALUES (?, ?)', args: [body, Date.now()] })
    n++
  }
  const rate = n / ((performance.now() - started) / 1000)
  client.close()
  return rate
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

async function main(): Promise<void> {
  const tips = loadTips()
  const dir = mkdtempSync(join(tmpdir(), 'tipline-bench-'))
  const server = await startServer(join(dir, 'data'))
  try {
    const { schools } = (await (await fetch(`${server.url}/api/schools`)).json()) as { schools: { code: string }[] }
    const requests = tips.map((tip, i) => ({
      method: 'POST',
      path: '/api/tips',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        school: schools[i % schools.length]!.code,
        text: tip.text,
        reporter: tip.reporter,
        where: places[i % places.length],
        ongoing: i % 3 === 0,
      }),
    }))

    console.log(`server: ${server.url} (child process, temp database under ${dir})`)
    console.log(`load: autocannon, ${connections} connections, ${seconds} s per phase, on a ${os()} machine\n`)

    const warm = await autocannon({ url: server.url, connections, duration: 2, requests })
    const health = await autocannon({ url: `${server.url}/healthz`, connections, duration: seconds })
    const cpuBefore = cpuTimes(server.child.pid)
    const intake = await autocannon({ url: server.url, connections, duration: seconds, requests })
    const cpuAfter = cpuTimes(server.child.pid)
    await stopServer(server.child)
    const raw = await rawInserts(dir, Math.min(seconds, 5) * 1000)

    // Every 201 the load generator saw must be a committed tip.
    const { client } = await openDatabase({ url: `file:${join(dir, 'data', 'tipline.db')}` })
    const stored = Number((await client.execute('SELECT count(*) FROM tips')).rows[0]![0])
    client.close()
    const acknowledged = warm['2xx'] + intake['2xx']
    const stats = /"groupCommit":(\{[^}]*\})/.exec(server.output())?.[1]
    const group = stats ? (JSON.parse(stats) as { batches: number; units: number; largestBatch: number }) : undefined

    const tipsPerS = intake.requests.average
    const rows = [
      ['GET /healthz (bare Hono)', `${fmt(health.requests.average)} req/s`, health.latency.p50, health.latency.p99, health.non2xx + health.errors],
      ['POST /api/tips (durable)', `${fmt(tipsPerS)} tips/s`, intake.latency.p50, intake.latency.p99, intake.non2xx + intake.errors],
      ['raw single-row durable INSERT', `${fmt(raw)} rows/s`, NaN, NaN, 0],
    ] as const
    console.log('what                            rate                 p50 ms   p99 ms   errors')
    for (const [what, rate, p50, p99, errors] of rows) {
      console.log(
        `${what.padEnd(32)}${rate.padEnd(21)}${(Number.isNaN(p50) ? '-' : fmt(p50, 1)).padStart(6)}   ${(Number.isNaN(p99) ? '-' : fmt(p99, 1)).padStart(6)}   ${errors}`,
      )
    }
    console.log('')
    console.log(`tips/s ÷ raw durable inserts/s = ${fmt(tipsPerS / raw, 2)}  (above 1: faster than one commit per tip could ever be)`)
    console.log(`tips/s ÷ healthz req/s         = ${fmt(tipsPerS / health.requests.average, 2)}  (the share of the bare HTTP ceiling intake reaches)`)
    if (cpuBefore && cpuAfter && intake['2xx'] > 0) {
      const perTip = (key: keyof CpuTimes) => (cpuAfter[key] - cpuBefore[key]) / intake['2xx']
      const all = perTip('process')
      console.log(
        `server CPU per tip: ${fmt(all, 3)} ms in all threads (request thread ${fmt(perTip('mainThread'), 3)} ms; the rest is the database thread and V8's GC helpers) — ${fmt((all * 8000) / 1000, 1)} cores' worth at 8,000 tips/s, on a machine with ${availableParallelism()} cores shared with the load generator`,
      )
    }
    if (group) console.log(`group commit: ${fmt(group.units)} tips in ${fmt(group.batches)} batches, ${fmt(group.units / group.batches, 1)} per fsync on average, largest ${group.largestBatch}`)
    // Requests still in flight when a phase's clock ran out may have been committed without autocannon
    // counting their 201, so the database may hold up to one more tip per connection and phase; it must
    // never hold fewer than were acknowledged.
    const inFlight = stored - acknowledged
    const durable = inFlight >= 0 && inFlight <= 2 * connections
    console.log(
      `durability: ${fmt(acknowledged)} tips acknowledged with 201, ${fmt(stored)} in the database (${inFlight} committed while in flight at a phase's end) ${durable ? '✓' : '✗ MISMATCH'}`,
    )
    const met = tipsPerS >= 8000 && intake.latency.p99 < 30
    console.log(`goal ≥ 8,000 tips/s and p99 < 30 ms: ${met ? 'met' : 'not met'} (${fmt(tipsPerS)} tips/s, p99 ${fmt(intake.latency.p99, 1)} ms)`)
    if (!durable) process.exitCode = 1
  } finally {
    await stopServer(server.child)
    rmSync(dir, { recursive: true, force: true })
  }
}

interface CpuTimes {
  /** CPU milliseconds of the whole server process, every thread. */
  process: number
  /** CPU milliseconds of its main thread: the one that parses requests, scores tips and answers. */
  mainThread: number
}

/** The server's CPU time so far, from Linux's /proc (undefined elsewhere: the figure is then left out). */
function cpuTimes(pid: number | undefined): CpuTimes | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined
  // Fields 14 and 15 (utime, stime) in clock ticks, counted after the parenthesised command name.
  const ticks = (path: string) => {
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ')
    return Number(fields[11]) + Number(fields[12])
  }
  const TICK_MS = 10 // USER_HZ is 100 on every Linux this runs on
  return { process: ticks(`/proc/${pid}/stat`) * TICK_MS, mainThread: ticks(`/proc/${pid}/task/${pid}/stat`) * TICK_MS }
}

function os(): string {
  return `${process.platform}/${process.arch}, Node ${process.version}`
}

await main()
