import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../app-env'
import { ApiError } from '../http/errors'
import { limitRequests } from '../http/rate-limit'
import { listSchools } from '../schools/schools'
import { followupView } from '../tips/followup'
import { groupOfFour } from '../tips/receipt'
import { postReporterMessage, receiptField, reporterMessageRequest, tipForReceipt } from '../tips/receipt-access'
import { takeTip } from '../tips/take-tip'
import { assetRoutes } from './assets'
import { ErrorPage } from './error-page'
import { type FormBody, blankTipForm, one, readTipForm, tipFromForm } from './form-input'
import { FollowupEntryPage, FollowupViewPage } from './followup-pages'
import type { Catalog, Problem } from './i18n/catalog'
import { catalogFor, negotiateLocale } from './i18n/locale'
import { PosterPage } from './poster-page'
import { ReceiptPage } from './receipt-page'
import { renderPage } from './render'
import { ReportPage } from './report-page'
import { cameFromOurPages } from './same-origin'
import { MAX_BODY_BYTES, limitBody } from '../http/body-limit'

/** The catalogue for this request: `?lang=` or the form's `lang` field, then Accept-Language. */
function catalogOf(c: Context<AppEnv>, formLang?: string): Catalog {
  return catalogFor(negotiateLocale(formLang || c.req.query('lang'), c.req.header('accept-language')))
}

/** The problem a reporter is told about for an error the shared tips code threw. */
function problemOf(error: ApiError): Problem {
  switch (error.code) {
    case 'unknown_school':
      return 'schoolUnknown'
    case 'unknown_informant_code':
      return 'informantUnknown'
    case 'unknown_receipt':
      return 'receiptUnknown'
    case 'rate_limited':
      return 'rateLimited'
    case 'not_saved':
      return 'notSaved'
    case 'payload_too_large':
      return 'tooLarge'
    default:
      return 'internal'
  }
}

/**
 * Runs a rate limiter inside a handler rather than in front of it, so a refusal comes back as a message
 * on the form with everything the child typed still in it.
 */
async function checkLimit(c: Context<AppEnv>, counter: 'tips' | 'followup'): Promise<void> {
  await limitRequests(counter)(c, async () => {})
}

/** Form posts: bounded bodies (the same bound as the API's), and only from our own pages (see same-origin.ts). */
const limitFormBody = limitBody(MAX_BODY_BYTES, 'Forms')
const ourPagesOnly: MiddlewareHandler<AppEnv> = async function ourPagesOnly(c, next) {
  if (cameFromOurPages(c, c.get('services').config.PUBLIC_URL)) return next()
  return renderPage(c, <ErrorPage t={catalogOf(c)} problem="crossSite" />, 403)
}

async function formBody(c: Context<AppEnv>): Promise<FormBody> {
  return (await c.req.parseBody({ all: true })) as FormBody
}

/**
 * The reporter's pages: the tip form (`/`, `/s/:school`), its result, follow-up by receipt, and a poster
 * per school. Server-rendered, no cookies, every string from the catalogues; the pages call the same
 * intake and follow-up functions as the JSON API. Any error becomes a page with plain words, never a
 * stack or a JSON body.
 */
export const webRoutes = new Hono<AppEnv>()

webRoutes.route('/assets', assetRoutes)

webRoutes.get('/', async (c) => {
  const schools = await listSchools(c.get('services').db)
  return renderPage(c, <ReportPage t={catalogOf(c)} schools={schools} values={blankTipForm()} togglePath="/" />)
})

webRoutes.get('/s/:school', async (c) => {
  const t = catalogOf(c)
  const schools = await listSchools(c.get('services').db)
  const school = schools.find((s) => s.code === c.req.param('school').trim().toUpperCase())
  if (!school) return renderPage(c, <ErrorPage t={t} problem="schoolNotFound" />, 404)
  return renderPage(c, <ReportPage t={t} schools={schools} values={blankTipForm(school.code)} togglePath={`/s/${school.code}`} />)
})

webRoutes.get('/s/:school/poster', async (c) => {
  const t = catalogOf(c)
  const { db, config } = c.get('services')
  const school = (await listSchools(db)).find((s) => s.code === c.req.param('school').trim().toUpperCase())
  if (!school) return renderPage(c, <ErrorPage t={t} problem="schoolNotFound" />, 404)
  // PUBLIC_URL is the address students can reach; without it, the address this page was opened on.
  const base = (config.PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, '')
  const url = `${base}/s/${encodeURIComponent(school.code)}`
  return renderPage(c, <PosterPage t={t} school={school} url={url} togglePath={`/s/${school.code}/poster`} />)
})

webRoutes.post('/report', limitFormBody, ourPagesOnly, async (c) => {
  const body = await formBody(c)
  const t = catalogOf(c, one(body, 'lang'))
  const services = c.get('services')
  const values = readTipForm(body)
  const again = async (problems: Parameters<typeof ReportPage>[0]['problems'], pageProblem: Problem | undefined, status: 400 | 429 | 503) =>
    renderPage(
      c,
      <ReportPage t={t} schools={await listSchools(services.db)} values={values} problems={problems} pageProblem={pageProblem ? { problem: pageProblem } : undefined} />,
      status,
    )

  const parsed = tipFromForm(values)
  if (!parsed.ok) return again(parsed.problems, undefined, 400)
  try {
    await checkLimit(c, 'tips')
    const taken = await takeTip(services, parsed.tip)
    return renderPage(c, <ReceiptPage t={t} receipt={taken.receipt} reference={taken.reference} needsHelp={taken.needsHelp} />, 201)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.code === 'unknown_school') return again({ school: 'schoolUnknown' }, undefined, 400)
    if (error.code === 'unknown_informant_code') return again({ informantCode: 'informantUnknown' }, undefined, 400)
    return again({}, problemOf(error), error.status === 429 ? 429 : 503)
  }
})

webRoutes.get('/followup', (c) => renderPage(c, <FollowupEntryPage t={catalogOf(c)} togglePath="/followup" />))

webRoutes.post('/followup', limitFormBody, ourPagesOnly, async (c) => {
  const body = await formBody(c)
  const t = catalogOf(c, one(body, 'lang'))
  const typed = one(body, 'receipt')
  const receipt = receiptField.safeParse(typed)
  if (!receipt.success) return renderPage(c, <FollowupEntryPage t={t} receipt={typed} problem="receiptMalformed" />, 400)
  try {
    await checkLimit(c, 'followup')
    const { db, keys } = c.get('services')
    const view = await followupView(db, keys, await tipForReceipt(c, receipt.data))
    return renderPage(c, <FollowupViewPage t={t} view={view} receipt={groupOfFour(receipt.data)} />)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return renderPage(c, <FollowupEntryPage t={t} receipt={typed} problem={problemOf(error)} />, error.status)
  }
})

webRoutes.post('/followup/reply', limitFormBody, ourPagesOnly, async (c) => {
  const body = await formBody(c)
  const t = catalogOf(c, one(body, 'lang'))
  const typed = one(body, 'receipt')
  const text = one(body, 'text')
  const receipt = receiptField.safeParse(typed)
  if (!receipt.success) return renderPage(c, <FollowupEntryPage t={t} receipt={typed} problem="receiptMalformed" />, 400)
  const services = c.get('services')
  try {
    await checkLimit(c, 'followup')
    const tip = await tipForReceipt(c, receipt.data)
    const shown = groupOfFour(receipt.data)
    const message = reporterMessageRequest.shape.text.safeParse(text)
    if (!message.success) {
      const view = await followupView(services.db, services.keys, tip)
      const replyProblem: Problem = text.trim() ? 'replyTooLong' : 'replyMissing'
      return renderPage(c, <FollowupViewPage t={t} view={view} receipt={shown} reply={text} replyProblem={replyProblem} />, 400)
    }
    await postReporterMessage(services, tip, message.data)
    const view = await followupView(services.db, services.keys, tip)
    return renderPage(c, <FollowupViewPage t={t} view={view} receipt={shown} sent />, 201)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return renderPage(c, <FollowupEntryPage t={t} receipt={typed} problem={problemOf(error)} />, error.status)
  }
})

webRoutes.onError((error, c) => {
  const t = catalogOf(c)
  if (error instanceof ApiError) return renderPage(c, <ErrorPage t={t} problem={problemOf(error)} />, error.status)
  if (error instanceof HTTPException && error.status < 500) {
    return renderPage(c, <ErrorPage t={t} problem={error.status === 413 ? 'tooLarge' : 'notFound'} />, error.status as 400)
  }
  c.get('services').log({ level: 'error', msg: 'unhandled error', error: error.name })
  return renderPage(c, <ErrorPage t={t} problem="internal" />, 500)
})

/**
 * The not-found answer for addresses outside /api: a page in the reporter's language, not JSON.
 *
 * @example
 * app.notFound((c) => (isApi(c) ? notFound(c) : webNotFound(c)))
 */
export function webNotFound(c: Context<AppEnv>): Promise<Response> {
  return renderPage(c, <ErrorPage t={catalogOf(c)} problem="notFound" />, 404)
}
