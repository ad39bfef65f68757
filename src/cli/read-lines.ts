import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

/** Yields the lines of a file, or of stdin when no path is given. Node-only (CLI entry points). */
export function readLines(path?: string): AsyncIterable<string> {
  const input = path ? createReadStream(path, 'utf8') : process.stdin
  return createInterface({ input, crlfDelay: Infinity })
}
