import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSX } from 'hono/jsx/jsx-runtime'

/**
 * Sends a page: the doctype, the rendered JSX (which escapes every text and attribute value), and headers
 * that keep it out of every cache — a receipt or a conversation must not be found later in a shared
 * phone's cache or back-forward history — and say the language depends on Accept-Language.
 *
 * @example
 * return renderPage(c, <ReportPage … />)
 */
export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  c.header('Vary', 'Accept-Language')
  return c.html(`<!doctype html>${await page}`, status)
}
