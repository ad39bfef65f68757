import type { Harness } from '../support/harness'

/** Posts a form as a browser on our own page does (Sec-Fetch-Site: same-origin), or with the headers given. */
export async function postForm(
  h: Harness,
  path: string,
  fields: Record<string, string | string[]>,
  { headers = { 'sec-fetch-site': 'same-origin' }, client }: { headers?: Record<string, string>; client?: string } = {},
): Promise<Response> {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
  return h.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(client ? { 'x-test-client': client } : {}), ...headers },
    body: body.toString(),
  })
}

/** A tip form as a child fills it in; override what a test is about. */
export function tipForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return { lang: 'zh-CN', school: 'QX-P03', text: '班上有几个人天天骂我是猪 还把我的书扔进垃圾桶', reporter: 'student', ...overrides }
}

/** The receipt shown on a receipt page. */
export function receiptIn(html: string): string {
  const match = html.match(/id="receipt-code"[^>]*>([0-9A-Z-]{19})</)
  if (!match?.[1]) throw new Error('no receipt on the page')
  return match[1]
}
