import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname
const tsx = join(root, 'node_modules/.bin/tsx')
// Each test starts a tsx process that compiles the CLI and loads the lexicon: seconds on a busy machine.
const CHILD_PROCESS_MS = 60_000
const run = (script: string, args: string[], input = '') =>
  execFileSync(tsx, [join(root, script), ...args], { input, encoding: 'utf8', cwd: root })

describe('npm run score', () => {
  it('writes one JSON line per input line and nothing else', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '我不想活了' }),
      JSON.stringify({ id: 'b', text: 'test 123', reporter: 'parent' }),
    ].join('\n')
    const lines = run('src/cli/score.ts', [], input).trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    const [a, b] = lines.map((l) => JSON.parse(l))
    expect(a).toMatchObject({ id: 'a', level: 'high', categories: ['self_harm'] })
    expect(Object.keys(a).sort()).toEqual(['categories', 'id', 'level', 'score', 'scorerVersion', 'signals'])
    expect(b).toMatchObject({ id: 'b', level: 'low' })
  }, CHILD_PROCESS_MS)

  it('answers a malformed line with an error line and goes on', () => {
    const input = ['{not json', JSON.stringify({ id: 'x', text: 5 }), JSON.stringify({ id: 'y', text: 'ok' })].join('\n')
    const out = run('src/cli/score.ts', [], input)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out[0]).toEqual({ error: 'line is not valid JSON' })
    expect(out[1]).toMatchObject({ id: 'x', error: expect.stringContaining('text') })
    expect(out[2]).toMatchObject({ id: 'y', level: 'low' })
  }, CHILD_PROCESS_MS)
})

describe('npm run score:eval', () => {
  it('prints the confusion matrix, precision and recall, accuracy and every miss', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tipline-eval-'))
    const file = join(dir, 'tips.jsonl')
    writeFileSync(
      file,
      [
        { id: 't1', text: '他书包里有一把折叠刀', level: 'critical' },
        { id: 't2', text: '你好', level: 'low' },
        { id: 't3', text: '你好', level: 'high' },
      ]
        .map((t) => JSON.stringify(t))
        .join('\n'),
    )
    const out = run('src/cli/score-eval.ts', [file])
    expect(out).toContain('confusion (rows: expected, columns: scored)')
    expect(out).toMatch(/critical\s+100\.0%\s+100\.0%/)
    expect(out).toContain('exact accuracy:         66.7%')
    expect(out).toContain('- t3: expected high, scored low')
  }, CHILD_PROCESS_MS)

  it('with --summary, prints a row per file, the lexicon alone beside the full scorer, and the files pooled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tipline-eval-'))
    const write = (name: string, tips: object[]) => {
      const file = join(dir, name)
      writeFileSync(file, tips.map((t) => JSON.stringify(t)).join('\n'))
      return file
    }
    const knife = write('tips-knife.jsonl', [
      { id: 'k1', text: '他书包里有一把折叠刀', level: 'critical' },
      { id: 'k2', text: '食堂的饭太咸了', level: 'low' },
    ])
    const missed = write('tips-missed.jsonl', [{ id: 'm1', text: '你好', level: 'critical' }])
    const lines = run('src/cli/score-eval.ts', ['--summary', knife, missed]).trimEnd().split('\n')
    expect(lines).toHaveLength(5) // header, rule, two files, pooled
    expect(lines[2]).toBe('| knife | 100.0% / 100.0% / 100.0% / 100.0% / 0 | **100.0% / 100.0% / 100.0% / 100.0% / 0** |')
    expect(lines[3]).toMatch(/^\| missed \| 0\.0% \/ 0\.0% \/ 0\.0% \/ 100\.0% \/ 1 \|/)
    expect(lines[4]).toMatch(/^\| pooled \(3 tips\) \| 66\.7% \/ 66\.7% \/ 50\.0% \/ 100\.0% \/ 1 \|/)
  }, CHILD_PROCESS_MS)
})
