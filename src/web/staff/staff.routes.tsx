import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { MAX_BODY_BYTES, limitBody } from '../../http/body-limit'
import { signIn, signOut, startSession } from '../../auth/auth.routes'
import { policies } from '../../auth/policies'
import { type ResourceSchool, requireStaff } from '../../auth/require-staff'
import { type CaseActionType, caseActionSchema } from '../../cases/case-action'
import { caseOr404, caseView, queuePage } from '../../cases/case-store'
import { performCaseAction, schoolOfCase } from '../../cases/cases.routes'
import { openStates } from '../../cases/state-machine'
import { ApiError } from '../../http/errors'
import { levels } from '../../scoring/types'
import type { Catalog, StaffProblem } from '../i18n/catalog'
import { catalogFor, negotiateLocale } from '../i18n/locale'
import { renderPage } from '../render'
import { cameFromOurPages } from '../same-origin'
import type { AppEnv } from '../../app-env'
import type { Role } from '../../auth/roles'
import { issueInformantCode, issueInformantRequest, listInformantCodes, revokeInformantCode } from '../../informants/informants.routes'
import { listSchools } from '../../schools/schools'
import { createStaffAccount, createStaffRequest, listStaffAccounts, updateStaffAccount, updateStaffRequest } from '../../staff/staff.routes'
import { AccountsPage, InformantCodesPage, SchoolsPage } from './admin-pages'
import { and, asc, eq, or } from 'drizzle-orm'
import type { Db } from '../../db/db'
import { staff } from '../../db/schema'
import { CasePageView, type Colleague, LoginPage, NoAccessPage, QueueLive, QueuePageView, StaffProblemPage } from './staff-pages'

type FormBody = Record<string, string | File | (string | File)[]>
const one = (body: FormBody, name: string): string => {
  const v = body[name]
  const first = Array.isArray(v) ? v[0] : v
  return typeof first === 'string' ? first : ''
}

function catalogOf(c: Context<AppEnv>, formLang?: string): Catalog {
  return catalogFor(negotiateLocale(formLang || c.req.query('lang'), c.req.header('accept-language')))
}

/** Only our own case and admin pages may be a sign-in's destination (no open redirect). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(cases(\/[A-Za-z0-9_-]{1,64})?|admin\/(accounts|informant-codes|schools))$/.test(next) ? next : undefined
}

const limitFormBody = limitBody(MAX_BODY_BYTES, 'Forms')

/** Staff form posts: same-origin only (on top of the session cookie's SameSite=Strict). */
const ourPagesOnly: MiddlewareHandler<AppEnv> = async function ourPagesOnly(c, next) {
  if (cameFromOurPages(c, c.get('services').config.PUBLIC_URL)) return next()
  return renderPage(c, <StaffProblemPage t={catalogOf(c)} problem="crossSite" />, 403)
}

/**
 * The page form of `requireStaff(policies.caseWork, …)`: the same checks, but a person is sent to
 * /login when not signed in (303), and gets a friendly page instead of JSON when refused (a legal
 * vice-principal, another school's case, set-up pending) or when the case does not exist.
 */
/** The queue's school: the caller's own (a counselor's school, or null — the district — for an admin). */
const ownSchool: ResourceSchool = (_c, principal) => principal.school

const staffPage = (school: ResourceSchool): MiddlewareHandler<AppEnv> =>
  async function staffPage(c, next) {
    const t = catalogOf(c)
    try {
      await requireStaff(policies.caseWork, { school })(c, async () => {})
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.status === 401) {
        const back = safeNext(c.req.method === 'GET' ? c.req.path : undefined)
        return c.redirect(`/login?lang=${t.locale}${back ? `&next=${encodeURIComponent(back)}` : ''}`, 303)
      }
      if (error.code === 'setup_required') return renderPage(c, <StaffProblemPage t={t} problem="setupRequired" />, 403)
      if (error.status === 404) return renderPage(c, <StaffProblemPage t={t} problem="notFound" />, 404)
      return renderPage(c, <NoAccessPage t={t} />, 403)
    }
    return next()
  }

function loginProblem(error: ApiError): StaffProblem {
  switch (error.code) {
    case 'second_factor_required':
      return 'secondFactorNeeded'
    case 'invalid_second_factor':
      return 'secondFactorWrong'
    case 'rate_limited':
      return 'throttled'
    default:
      return 'credentials'
  }
}

/** Form field names → a case action, before the shared schema validates it. Empty fields are left out. */
const formActions: Record<string, { type: CaseActionType; fields: string[] }> = {
  claim: { type: 'claim', fields: [] },
  acknowledge: { type: 'acknowledge', fields: [] },
  note: { type: 'note', fields: ['text'] },
  message: { type: 'message', fields: ['text'] },
  level: { type: 'level', fields: ['level', 'reason'] },
  escalate: { type: 'escalate', fields: ['to', 'reason'] },
  resolve: { type: 'resolve', fields: ['code', 'summary'] },
  dismiss: { type: 'dismiss', fields: ['reason', 'detail', 'duplicateOf'] },
  reopen: { type: 'reopen', fields: ['reason'] },
  assign: { type: 'assign', fields: ['to'] },
  link: { type: 'link', fields: ['tipId'] },
}

/** Who a case can be assigned to: the counselors of its school and the district admins, none disabled. */
async function colleaguesOf(db: Db, schoolId: number): Promise<Colleague[]> {
  return db
    .select({ id: staff.id, email: staff.email })
    .from(staff)
    .where(and(eq(staff.disabled, false), or(and(eq(staff.role, 'counselor'), eq(staff.schoolId, schoolId)), eq(staff.role, 'district_admin'))))
    .orderBy(asc(staff.email))
}

async function caseProblemPage(c: Context<AppEnv>, t: Catalog, id: string, problem: StaffProblem, status: 400 | 409) {
  const { db, keys, now } = c.get('services')
  const row = await caseOr404(db, id)
  const [view, colleagues] = await Promise.all([caseView(db, keys, row, now()), colleaguesOf(db, row.schoolId)])
  return renderPage(
    c,
    <CasePageView t={t} email={c.get('staff').email} admin={mayAdminister(c.get('staff').role)} view={view} colleagues={colleagues} problem={problem} />,
    status,
  )
}

/**
 * The staff pages: sign-in and sign-out, the queue (`/cases`, with `?partial=1` for the script's
 * refresh) and the case page with its actions as plain form POSTs. They call the same functions as the
 * JSON API (`signIn`/`startSession`, `queuePage`, `caseView`, `performCaseAction`), never the API over HTTP.
 */
export const staffPageRoutes = new Hono<AppEnv>()

/** Whether the signed-in account may use the admin pages (the policy's roles; its scope is the district). */
export const mayAdminister = (role: Role): boolean => (policies.administration.roles as readonly Role[]).includes(role)

/**
 * The page form of `requireStaff(policies.administration)`: signed-out visitors go to /login (303), anyone
 * else who is not a district admin gets a friendly no-access page (403), set-up pending its own page.
 */
const adminPage: MiddlewareHandler<AppEnv> = async function adminPage(c, next) {
  const t = catalogOf(c)
  try {
    await requireStaff(policies.administration)(c, async () => {})
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 401) {
      const back = safeNext(c.req.method === 'GET' ? c.req.path : undefined)
      return c.redirect(`/login?lang=${t.locale}${back ? `&next=${encodeURIComponent(back)}` : ''}`, 303)
    }
    if (error.code === 'setup_required') return renderPage(c, <StaffProblemPage t={t} problem="setupRequired" />, 403)
    return renderPage(c, <NoAccessPage t={t} text={t.staff.admin.noAccess} />, 403)
  }
  return next()
}

/**
 * An API refusal an admin page can explain: which sentence to show and with which status. Anything else
 * (a 5xx, an oversize body) is rethrown to the app's error handler.
 */
function adminRefusal(error: unknown): { problem: StaffProblem; status: 400 | 404 | 409 } {
  if (!(error instanceof ApiError) || error.status >= 500 || error.status === 413) throw error
  const status = error.status === 404 ? 404 : error.status === 409 ? 409 : 400
  switch (error.code) {
    case 'unknown_school':
      return { problem: 'unknownSchool', status }
    case 'invalid_input':
      return { problem: 'roleSchool', status }
    case 'email_taken':
      return { problem: 'emailTaken', status }
    default:
      return { problem: status === 404 ? 'unknownItem' : 'badInput', status }
  }
}

async function accountsPage(c: Context<AppEnv>, t: Catalog, extra: Omit<Parameters<typeof AccountsPage>[0], 't' | 'email' | 'accounts' | 'schools'>, status: 200 | 201 | 400 | 404 | 409 = 200) {
  const { db } = c.get('services')
  const [accounts, schools] = await Promise.all([listStaffAccounts(db), listSchools(db)])
  return renderPage(c, <AccountsPage t={t} email={c.get('staff').email} accounts={accounts} schools={schools} {...extra} />, status)
}

async function informantPage(
  c: Context<AppEnv>,
  t: Catalog,
  extra: Omit<Parameters<typeof InformantCodesPage>[0], 't' | 'email' | 'codes' | 'schools'>,
  status: 200 | 201 | 400 | 404 | 409 = 200,
) {
  const { db } = c.get('services')
  const [codes, schools] = await Promise.all([listInformantCodes(db), listSchools(db)])
  return renderPage(c, <InformantCodesPage t={t} email={c.get('staff').email} codes={codes} schools={schools} {...extra} />, status)
}

/** Zod issues → "a required field is empty" or "something is not valid". */
const formProblem = (issues: { path: PropertyKey[] }[], input: Record<string, unknown>): StaffProblem =>
  issues.some((i) => typeof i.path[0] === 'string' && (input[i.path[0]] === undefined || input[i.path[0]] === '')) ? 'fieldsMissing' : 'badInput'

staffPageRoutes.get('/login', (c) =>
  renderPage(c, <LoginPage t={catalogOf(c)} next={safeNext(c.req.query('next'))} signedOut={c.req.query('out') === '1'} />),
)

staffPageRoutes.post('/login', limitFormBody, ourPagesOnly, async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  const email = one(body, 'email').trim()
  const password = one(body, 'password')
  const totp = one(body, 'totp').trim()
  const next = safeNext(one(body, 'next'))
  if (!email || !password || email.length > 254 || password.length > 1024 || totp.length > 32) {
    return renderPage(c, <LoginPage t={t} email={email.slice(0, 254)} next={next} problem="fieldsMissing" />, 400)
  }
  try {
    // A code that looks like a recovery code (letters and dashes) goes as one; six digits as TOTP.
    const second = totp ? (/^\d{6,8}$/.test(totp) ? { totp } : { recoveryCode: totp }) : {}
    const account = await signIn(c, { email, password, ...second })
    await startSession(c, account)
    return c.redirect(`${next ?? '/cases'}?lang=${t.locale}`, 303)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    const status = error.status === 429 ? 429 : 401
    return renderPage(c, <LoginPage t={t} email={email} next={next} problem={loginProblem(error)} />, status)
  }
})

staffPageRoutes.post('/logout', limitFormBody, ourPagesOnly, async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  try {
    await requireStaff(policies.ownAccount)(c, async () => {})
    await signOut(c, c.get('staff').id)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
  }
  return c.redirect(`/login?lang=${t.locale}&out=1`, 303)
})

staffPageRoutes.get('/cases', staffPage(ownSchool), async (c) => {
  const t = catalogOf(c)
  const { db, now } = c.get('services')
  const me = c.get('staff')
  const status = openStates.find((s) => s === c.req.query('status'))
  const level = levels.find((l) => l === c.req.query('level'))
  const overdue = c.req.query('overdue') === '1'
  const dueSoon = c.req.query('due_soon') === '1'
  const mine = c.req.query('mine') === '1'
  const at = now()
  const page = await queuePage(db, {
    schoolId: me.school === null ? undefined : (me.schoolId ?? undefined),
    states: status ? [status] : undefined,
    level,
    overdue,
    dueSoon,
    assigneeId: mine ? me.id : undefined,
    limit: 50,
    now: at,
  })
  if (c.req.query('partial') === '1') return renderPage(c, <QueueLive t={t} page={page} now={at} />)
  return renderPage(c, <QueuePageView t={t} email={me.email} admin={mayAdminister(me.role)} page={page} filters={{ status, level, overdue, dueSoon, mine }} now={at} />)
})

staffPageRoutes.get('/cases/:id', staffPage(schoolOfCase), async (c) => {
  const t = catalogOf(c)
  const { db, keys, now } = c.get('services')
  const row = await caseOr404(db, c.req.param('id'))
  const [view, colleagues] = await Promise.all([caseView(db, keys, row, now()), colleaguesOf(db, row.schoolId)])
  return renderPage(
    c,
    <CasePageView t={t} email={c.get('staff').email} admin={mayAdminister(c.get('staff').role)} view={view} colleagues={colleagues} done={c.req.query('done') === '1'} />,
  )
})

staffPageRoutes.post('/cases/:id/:action', limitFormBody, ourPagesOnly, staffPage(schoolOfCase), async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  const id = c.req.param('id')
  const spec = formActions[c.req.param('action')]
  if (!spec) return renderPage(c, <StaffProblemPage t={t} problem="notFound" email={c.get('staff').email} />, 404)
  const input: Record<string, string> = { type: spec.type }
  for (const field of spec.fields) {
    const value = one(body, field).trim()
    if (value) input[field] = value
  }
  const parsed = caseActionSchema.safeParse(input)
  if (!parsed.success) {
    const missing = spec.fields.some((f) => parsed.error.issues.some((i) => i.path[0] === f && !input[f]))
    return caseProblemPage(c, t, id, missing ? 'fieldsMissing' : 'badInput', 400)
  }
  try {
    await performCaseAction(c, id, parsed.data)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.code === 'action_not_allowed') return caseProblemPage(c, t, id, 'notAllowed', 409)
    if (error.code === 'conflict') return caseProblemPage(c, t, id, 'conflict', 409)
    if (error.status === 400) return caseProblemPage(c, t, id, 'badInput', 400)
    throw error
  }
  return c.redirect(`/cases/${id}?lang=${t.locale}&done=1`, 303)
})

/*
 * The admin pages (district admins): accounts, informant codes, schools. They call the API's own functions
 * (`listStaffAccounts`, `createStaffAccount`, `updateStaffAccount`, `listInformantCodes`,
 * `issueInformantCode`, `revokeInformantCode`, `listSchools`). A one-time password or code is shown in the
 * answer to the post itself, never put in an address.
 */
staffPageRoutes.get('/admin', adminPage, (c) => c.redirect(`/admin/accounts?lang=${catalogOf(c).locale}`, 303))

staffPageRoutes.get('/admin/accounts', adminPage, (c) => accountsPage(c, catalogOf(c), { saved: c.req.query('saved') === '1' }))

staffPageRoutes.post('/admin/accounts', limitFormBody, ourPagesOnly, adminPage, async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  const draft = { email: one(body, 'email').trim().slice(0, 254), role: one(body, 'role'), school: one(body, 'school').trim().slice(0, 32) }
  const input = { email: draft.email, role: draft.role, school: draft.school || null }
  const parsed = createStaffRequest.safeParse(input)
  if (!parsed.success) return accountsPage(c, t, { draft, problem: formProblem(parsed.error.issues, input) }, 400)
  try {
    const created = await createStaffAccount(c, parsed.data)
    return accountsPage(c, t, { created: { email: created.user.email, oneTimePassword: created.oneTimePassword } }, 201)
  } catch (error) {
    const { problem, status } = adminRefusal(error)
    return accountsPage(c, t, { draft, problem }, status)
  }
})

staffPageRoutes.post('/admin/accounts/:id', limitFormBody, ourPagesOnly, adminPage, async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  const flag = (name: string): boolean | undefined => ({ '1': true, '0': false })[one(body, name)]
  const change = { disabled: flag('disabled'), requireTotp: flag('requireTotp') }
  const parsed = updateStaffRequest.safeParse(Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)))
  if (!parsed.success) return accountsPage(c, t, { problem: 'badInput' }, 400)
  try {
    await updateStaffAccount(c, c.req.param('id'), parsed.data)
  } catch (error) {
    const { problem, status } = adminRefusal(error)
    return accountsPage(c, t, { problem }, status)
  }
  return c.redirect(`/admin/accounts?lang=${t.locale}&saved=1`, 303)
})

staffPageRoutes.get('/admin/informant-codes', adminPage, (c) => informantPage(c, catalogOf(c), { revoked: c.req.query('revoked') === '1' }))

staffPageRoutes.post('/admin/informant-codes', limitFormBody, ourPagesOnly, adminPage, async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  const draft = { label: one(body, 'label').trim().slice(0, 64), role: one(body, 'role'), school: one(body, 'school').trim().slice(0, 32) }
  const parsed = issueInformantRequest.safeParse(draft)
  if (!parsed.success) return informantPage(c, t, { draft, problem: formProblem(parsed.error.issues, draft) }, 400)
  try {
    const issued = await issueInformantCode(c, parsed.data)
    return informantPage(c, t, { issued: { code: issued.code, label: issued.label } }, 201)
  } catch (error) {
    const { problem, status } = adminRefusal(error)
    return informantPage(c, t, { draft, problem }, status)
  }
})

staffPageRoutes.post('/admin/informant-codes/:id/revoke', limitFormBody, ourPagesOnly, adminPage, async (c) => {
  const body = (await c.req.parseBody()) as FormBody
  const t = catalogOf(c, one(body, 'lang'))
  try {
    await revokeInformantCode(c, c.req.param('id'))
  } catch (error) {
    const { problem, status } = adminRefusal(error)
    return informantPage(c, t, { problem }, status)
  }
  return c.redirect(`/admin/informant-codes?lang=${t.locale}&revoked=1`, 303)
})

staffPageRoutes.get('/admin/schools', adminPage, async (c) => {
  const t = catalogOf(c)
  return renderPage(c, <SchoolsPage t={t} email={c.get('staff').email} schools={await listSchools(c.get('services').db)} />)
})

staffPageRoutes.onError((error, c) => {
  const t = catalogOf(c)
  if (error instanceof ApiError && error.status === 404) return renderPage(c, <StaffProblemPage t={t} problem="notFound" />, 404)
  if (error instanceof ApiError && error.status === 413) return renderPage(c, <StaffProblemPage t={t} problem="badInput" />, 413)
  c.get('services').log({ level: 'error', msg: 'unhandled error', error: error.name })
  return renderPage(c, <StaffProblemPage t={t} problem="internal" />, 500)
})
