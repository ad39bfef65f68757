import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { enhanceScript } from './assets/enhance'
import { staffScript } from './assets/staff-script'
import { styles } from './assets/styles'

/**
 * FNV-1a over the text: a content fingerprint for cache-busting file names, computed synchronously at
 * load so the layout can name the files. Not a security hash (the CSP is `'self'`, not hash-based).
 */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

interface Asset {
  path: string
  type: string
  body: string
}

function asset(name: string, ext: string, type: string, body: string): Asset {
  return { path: `/assets/${name}.${fingerprint(body)}.${ext}`, type, body }
}

/** The stylesheet and the script, under names that change when their content does. */
export const assets = {
  css: asset('tipline', 'css', 'text/css; charset=utf-8', styles),
  js: asset('tipline', 'js', 'text/javascript; charset=utf-8', enhanceScript),
  /** Only the staff pages load this one (queue counters and refresh). */
  staffJs: asset('staff', 'js', 'text/javascript; charset=utf-8', staffScript),
} as const

/**
 * `GET /assets/…`: the static files, cached for a year (their names carry their content's fingerprint).
 * Anything else under /assets is a plain 404.
 */
export const assetRoutes = new Hono<AppEnv>()
for (const file of Object.values(assets)) {
  assetRoutes.get(file.path.slice('/assets'.length), (c) => {
    c.header('Content-Type', file.type)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(file.body)
  })
}
