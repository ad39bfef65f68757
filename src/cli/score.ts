/**
 * `npm run -s score`: JSON lines in ({"id", "text", "reporter"?}), one JSON line out per input, nothing else
 * on stdout. A bad line gets {"id"?, "error"} and the rest go on.
 */
import { scoreRequest } from '../scoring/score.routes'
import { scoreTip } from '../scoring/score'
import { readLines } from './read-lines'

for await (const line of readLines()) {
  if (line.trim() === '') continue
  process.stdout.write(`${JSON.stringify(scoreLine(line))}\n`)
}

function scoreLine(line: string): Record<string, unknown> {
  let input: unknown
  try {
    input = JSON.parse(line)
  } catch {
    return { error: 'line is not valid JSON' }
  }
  const id = typeof input === 'object' && input !== null && 'id' in input ? (input as { id: unknown }).id : undefined
  const withId = id === undefined ? {} : { id }
  const parsed = scoreRequest.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || 'line'
    return { ...withId, error: `${field}: ${issue?.message ?? 'invalid'}` }
  }
  const { level, score, categories, signals, scorerVersion } = scoreTip(parsed.data.text, parsed.data.reporter)
  return { ...withId, level, score, categories, signals, scorerVersion }
}
