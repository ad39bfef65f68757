import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', 'src')
/** Node-only entry points; everything else must also run on Workers. */
const nodeOnly = ['hosts/', 'cli/']

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(path) ? [path] : []
  })
}

describe('the shared app', () => {
  it('imports nothing Node-only outside src/hosts and src/cli', () => {
    const offenders = sources(root)
      .map((path) => relative(root, path))
      .filter((file) => !nodeOnly.some((dir) => file.startsWith(dir)))
      .filter((file) => {
        const text = readFileSync(join(root, file), 'utf8')
        // A value import of the libSQL client would pull the native driver into the Worker bundle.
        return /from ['"]node:/.test(text) || /^import (?!type)[^\n]*from ['"]@libsql\/client['"]/m.test(text) || /\bprocess\.env\b/.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))
      })
    expect(offenders).toEqual([])
  })
})
