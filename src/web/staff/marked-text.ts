/** A piece of tip text: plain, or inside a warning span (`mark` names the signal's category). */
export interface Segment {
  text: string
  mark?: string
}

/**
 * Cuts text into plain and marked pieces at the scorer's signal spans (offsets into the text, UTF-16
 * code units, as `text.slice(start, end)` reads them). Spans are sorted; an overlapping span is clipped
 * to start where the one before ended; spans outside the text are clamped or dropped. The pieces are
 * rendered as escaped JSX text, with `<mark>` around the marked ones, so hostile tip text stays text.
 *
 * @example
 * markSegments('they hit me', [{ start: 5, end: 8, category: 'physical' }])
 * // [{ text: 'they ' }, { text: 'hit', mark: 'physical' }, { text: ' me' }]
 */
export function markSegments(text: string, spans: readonly { start: number; end: number; category: string }[]): Segment[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Segment[] = []
  let at = 0
  for (const span of sorted) {
    const start = Math.max(at, Math.min(span.start, text.length))
    const end = Math.min(span.end, text.length)
    if (end <= start) continue
    if (start > at) out.push({ text: text.slice(at, start) })
    out.push({ text: text.slice(start, end), mark: span.category })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}

/**
 * A duration as the queue shows it ("3h 20m", "45m"), in the catalogue's units. The staff script formats
 * the same way in the browser when it ticks the counters.
 *
 * @example
 * formatDuration(12_000_000, 'h', 'm') // '3h 20m'
 */
export function formatDuration(ms: number, hours: string, minutes: string): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 60_000))
  const h = Math.floor(total / 60)
  const m = total % 60
  return h > 0 ? `${h}${hours} ${m}${minutes}` : `${m}${minutes}`
}
