import type { Child } from 'hono/jsx'
import { MAX_NOTE_CHARS, MAX_REASON_CHARS, MAX_SUMMARY_CHARS, dismissReasons, escalationTargets } from '../../cases/case-action'
import type { QueuePage, caseView } from '../../cases/case-store'
import { resolutionCodes } from '../../cases/resolution-codes'
import { openStates } from '../../cases/state-machine'
import { levels } from '../../scoring/types'
import { assets } from '../assets'
import type { Catalog, StaffProblem } from '../i18n/catalog'
import { Layout } from '../layout'
import { formatDuration, markSegments } from './marked-text'

export type CaseView = Awaited<ReturnType<typeof caseView>>

/**
 * The staff pages' navigation (in the footer slot): the queue, the admin pages for district admins, who
 * is signed in, sign out (a POST).
 */
function StaffNav({ t, email, admin }: { t: Catalog; email?: string | undefined; admin?: boolean | undefined }) {
  const s = t.staff
  if (!email) return null
  return (
    <nav aria-label={s.area} class="staff-nav">
      <a href={`/cases?lang=${t.locale}`}>{s.nav.queue}</a>
      {admin && (
        <>
          <a href={`/admin/accounts?lang=${t.locale}`}>{s.admin.nav.accounts}</a>
          <a href={`/admin/informant-codes?lang=${t.locale}`}>{s.admin.nav.informantCodes}</a>
          <a href={`/admin/schools?lang=${t.locale}`}>{s.admin.nav.schools}</a>
        </>
      )}
      <span>{s.nav.signedInAs(email)}</span>
      <form method="post" action="/logout">
        <input type="hidden" name="lang" value={t.locale} />
        <button type="submit" class="button secondary small">
          {s.nav.signOut}
        </button>
      </form>
    </nav>
  )
}

interface StaffFrameProps {
  t: Catalog
  title: string
  email?: string | undefined
  togglePath?: string | undefined
  /** A district admin: the navigation also links the admin pages. */
  admin?: boolean | undefined
  children?: Child
}

export function StaffFrame({ t, title, email, togglePath, admin, children }: StaffFrameProps) {
  return (
    <Layout t={t} title={title} togglePath={togglePath} footer={<StaffNav t={t} email={email} admin={admin} />} script={assets.staffJs.path} mainClass="staff">
      {children}
    </Layout>
  )
}

export function Problems({ t, problem }: { t: Catalog; problem?: StaffProblem | undefined }) {
  if (!problem) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="problem-title">
      <h2 id="problem-title">{t.staff.errorTitle}</h2>
      <p>{t.staff.problems[problem]}</p>
    </div>
  )
}

export function LoginPage({ t, email = '', problem, next, signedOut }: { t: Catalog; email?: string; problem?: StaffProblem | undefined; next?: string | undefined; signedOut?: boolean }) {
  const l = t.staff.login
  return (
    <StaffFrame t={t} title={l.title} togglePath="/login">
      <h1>{l.title}</h1>
      <p class="lead">{l.intro}</p>
      {signedOut && <p class="notice">{l.signedOut}</p>}
      <Problems t={t} problem={problem} />
      <form method="post" action="/login" class="card" data-once>
        <input type="hidden" name="lang" value={t.locale} />
        {next && <input type="hidden" name="next" value={next} />}
        <div class="field">
          <label class="title" for="email">
            {l.email}
          </label>
          <input type="email" id="email" name="email" value={email} required maxlength={254} autocomplete="username" />
        </div>
        <div class="field">
          <label class="title" for="password">
            {l.password}
          </label>
          <input type="password" id="password" name="password" required maxlength={1024} autocomplete="current-password" />
        </div>
        <div class="field">
          <label class="title" for="totp">
            {l.totp}
          </label>
          <p class="hint" id="totp-hint">
            {l.totpHint}
          </p>
          <input type="text" id="totp" name="totp" maxlength={32} inputmode="numeric" autocomplete="one-time-code" aria-describedby="totp-hint" />
        </div>
        <button type="submit" class="button wide">
          {l.submit}
        </button>
      </form>
    </StaffFrame>
  )
}

export interface QueueFilters {
  status?: string | undefined
  level?: string | undefined
  overdue?: boolean | undefined
  dueSoon?: boolean | undefined
  mine?: boolean | undefined
}

/** The part of the queue the script swaps every 30 s: the counts per level and the table. */
export function QueueLive({ t, page, now }: { t: Catalog; page: QueuePage; now: Date }) {
  const q = t.staff.queue
  const s = t.staff
  return (
    <div id="queue-live" data-now={String(now.getTime())} data-due-in={q.dueIn} data-overdue={q.overdueBy} data-h={q.hours} data-m={q.minutes}>
      <ul class="counts" aria-label={q.countsLabel}>
        {levels.map((level) => (
          <li class={`level-${level}`}>
            <a href={`/cases?level=${level}&lang=${t.locale}`}>
              {s.levels[level]} <strong>{page.counts[level]}</strong>
            </a>
          </li>
        ))}
      </ul>
      {page.cases.length === 0 ? (
        <p class="notice">{q.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">{q.level}</th>
                <th scope="col">{q.reference}</th>
                <th scope="col">{q.state}</th>
                <th scope="col">{q.due}</th>
              </tr>
            </thead>
            <tbody>
              {page.cases.map((item) => {
                // The case's next running deadline (first response while new, then resolution), as the
                // queue worked it out; closed cases have none.
                const due = item.nextDueAt === null ? 0 : new Date(item.nextDueAt).getTime()
                const left = due - now.getTime()
                const canBeOverdue = item.nextDueAt !== null
                const overdue = item.overdue
                const words = (overdue ? q.overdueBy : q.dueIn).replace('{d}', formatDuration(left, q.hours, q.minutes))
                return (
                  <tr class={overdue ? 'is-overdue' : undefined}>
                    <td>
                      <span class={`badge level-${item.level}`}>{s.levels[item.level]}</span>
                    </td>
                    <td>
                      <a href={`/cases/${item.id}?lang=${t.locale}`}>{item.reference}</a>
                      {item.escalated && <span class="tag">{q.escalated}</span>}
                    </td>
                    <td>{s.states[item.state]}</td>
                    <td>
                      {canBeOverdue ? (
                        <time datetime={item.nextDueAt!} data-due={String(due)} data-can-overdue="" class={overdue ? 'overdue' : undefined}>
                          {words}
                        </time>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export function QueuePageView({ t, email, admin, page, filters, now }: { t: Catalog; email: string; admin?: boolean; page: QueuePage; filters: QueueFilters; now: Date }) {
  const q = t.staff.queue
  const s = t.staff
  return (
    <StaffFrame t={t} title={q.title} email={email} admin={admin} togglePath="/cases">
      <h1>{q.title}</h1>
      <form method="get" action="/cases" class="filters card" aria-label={q.filters}>
        <input type="hidden" name="lang" value={t.locale} />
        <div class="field">
          <label class="title" for="f-status">
            {q.status}
          </label>
          <select id="f-status" name="status">
            <option value="">{q.any}</option>
            {openStates.map((state) => (
              <option value={state} selected={filters.status === state}>
                {s.states[state]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="title" for="f-level">
            {q.level}
          </label>
          <select id="f-level" name="level">
            <option value="">{q.any}</option>
            {levels.map((level) => (
              <option value={level} selected={filters.level === level}>
                {s.levels[level]}
              </option>
            ))}
          </select>
        </div>
        <label class="choice">
          <input type="checkbox" name="overdue" value="1" checked={filters.overdue} />
          {q.overdue}
        </label>
        <label class="choice">
          <input type="checkbox" name="due_soon" value="1" checked={filters.dueSoon} />
          {q.dueSoon}
        </label>
        <label class="choice">
          <input type="checkbox" name="mine" value="1" checked={filters.mine} />
          {q.mine}
        </label>
        <div class="actions">
          <button type="submit" class="button">
            {q.apply}
          </button>
          <a class="button secondary" href={`/cases?lang=${t.locale}`}>
            {q.clear}
          </a>
        </div>
      </form>
      <p class="hint">{q.autoRefresh}</p>
      <QueueLive t={t} page={page} now={now} />
    </StaffFrame>
  )
}

function Dl({ items }: { items: [string, Child][] }) {
  return (
    <dl class="facts">
      {items.map(([term, value]) => (
        <div>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

type TipView = CaseView['tips'][number]

/** A tip's text with the scorer's warning spans as <mark>; every piece is escaped JSX text. */
export function MarkedText({ tip }: { tip: Pick<TipView, 'text' | 'signals'> }) {
  return (
    <p class="tip-text">
      {markSegments(tip.text, tip.signals).map((seg) => (seg.mark ? <mark data-category={seg.mark}>{seg.text}</mark> : seg.text))}
    </p>
  )
}

function TipBlock({ t, tip }: { t: Catalog; tip: TipView }) {
  const p = t.staff.casePage
  const ongoing = tip.ongoing === true ? p.yes : tip.ongoing === false ? p.no : p.notSure
  return (
    <article class="card tip">
      <MarkedText tip={tip} />
      <Dl
        items={[
          [p.where, tip.where ? (t.form.places[tip.where as keyof Catalog['form']['places']] ?? tip.where) : '—'],
          [p.when, tip.when ?? '—'],
          [p.ongoing, ongoing],
          [p.reporter, `${t.form.reporters[tip.reporter]}${tip.informant?.label ? ` (${tip.informant.label})` : ''}`],
          [t.staff.queue.level, t.staff.levels[tip.level]],
        ]}
      />
      <p class="hint">{t.dateFormat.format(new Date(tip.createdAt))}</p>
    </article>
  )
}

function Field({ id, label, children }: { id: string; label: string; children: Child }) {
  return (
    <div class="field">
      <label class="title" for={id}>
        {label}
      </label>
      {children}
    </div>
  )
}

/** A required choice of an action form: a label, then "choose…" and one option per [value, label]. */
function ChoiceField({ id, name, label, choose, options }: { id: string; name: string; label: string; choose: string; options: [string, string][] }) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} required>
        <option value="">{choose}</option>
        {options.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </select>
    </Field>
  )
}

/** One action as a plain form POST to /cases/:id/<action>; shown only when the state machine allows it. */
function ActionForm({ t, caseId, action, children }: { t: Catalog; caseId: string; action: string; children?: Child }) {
  return (
    <form method="post" action={`/cases/${caseId}/${action}`} class={`action action-${action}`} data-once>
      <input type="hidden" name="lang" value={t.locale} />
      {children}
      <button type="submit" class={children ? 'button' : 'button secondary'}>
        {t.staff.actions[action as keyof Catalog['staff']['actions']]}
      </button>
    </form>
  )
}

/** A colleague a case can be assigned to. */
export interface Colleague {
  id: string
  email: string
}

function Actions({ t, view, colleagues }: { t: Catalog; view: CaseView; colleagues: Colleague[] }) {
  const p = t.staff.casePage
  const s = t.staff
  const allowed = new Set<string>(view.allowedActions)
  const id = view.case.id
  if (allowed.size === 0) return <p>{p.noActions}</p>
  return (
    <div class="action-list">
      <div class="actions">
        {allowed.has('acknowledge') && <ActionForm t={t} caseId={id} action="acknowledge" />}
        {allowed.has('claim') && <ActionForm t={t} caseId={id} action="claim" />}
      </div>
      {allowed.has('assign') && colleagues.length > 0 && (
        <ActionForm t={t} caseId={id} action="assign">
          <ChoiceField id="assign-to" name="to" label={p.assignTo} choose={p.choose} options={colleagues.map((person) => [person.id, person.email])} />
        </ActionForm>
      )}
      {allowed.has('message') && (
        <ActionForm t={t} caseId={id} action="message">
          <Field id="message-text" label={s.actions.message}>
            <textarea id="message-text" name="text" required maxlength={MAX_NOTE_CHARS} rows={3}></textarea>
          </Field>
        </ActionForm>
      )}
      {allowed.has('note') && (
        <ActionForm t={t} caseId={id} action="note">
          <Field id="note-text" label={s.actions.note}>
            <textarea id="note-text" name="text" required maxlength={MAX_NOTE_CHARS} rows={3}></textarea>
          </Field>
        </ActionForm>
      )}
      {allowed.has('level') && (
        <ActionForm t={t} caseId={id} action="level">
          <ChoiceField id="level-level" name="level" label={p.level} choose={p.choose} options={levels.map((level) => [level, s.levels[level]])} />
          <Field id="level-reason" label={p.reason}>
            <input type="text" id="level-reason" name="reason" required maxlength={MAX_REASON_CHARS} />
          </Field>
        </ActionForm>
      )}
      {allowed.has('escalate') && (
        <ActionForm t={t} caseId={id} action="escalate">
          <ChoiceField id="escalate-to" name="to" label={p.to} choose={p.choose} options={escalationTargets.map((target) => [target, s.escalationTargets[target]])} />
          <Field id="escalate-reason" label={p.reason}>
            <input type="text" id="escalate-reason" name="reason" required maxlength={MAX_REASON_CHARS} />
          </Field>
        </ActionForm>
      )}
      {allowed.has('resolve') && (
        <ActionForm t={t} caseId={id} action="resolve">
          <ChoiceField id="resolve-code" name="code" label={p.code} choose={p.choose} options={resolutionCodes.map((code) => [code, s.resolutions[code]])} />
          <Field id="resolve-summary" label={p.summary}>
            <textarea id="resolve-summary" name="summary" required maxlength={MAX_SUMMARY_CHARS} rows={3}></textarea>
          </Field>
        </ActionForm>
      )}
      {allowed.has('dismiss') && (
        <ActionForm t={t} caseId={id} action="dismiss">
          <ChoiceField id="dismiss-reason" name="reason" label={p.reason} choose={p.choose} options={dismissReasons.map((reason) => [reason, s.dismissReasons[reason]])} />
          <Field id="dismiss-detail" label={p.detail}>
            <input type="text" id="dismiss-detail" name="detail" maxlength={MAX_REASON_CHARS} />
          </Field>
          <Field id="dismiss-duplicate" label={p.duplicateOf}>
            <input type="text" id="dismiss-duplicate" name="duplicateOf" maxlength={64} />
          </Field>
        </ActionForm>
      )}
      {allowed.has('reopen') && (
        <ActionForm t={t} caseId={id} action="reopen">
          <Field id="reopen-reason" label={p.reason}>
            <input type="text" id="reopen-reason" name="reason" required maxlength={MAX_REASON_CHARS} />
          </Field>
        </ActionForm>
      )}
    </div>
  )
}

/** A ledger action's name as people read it: the action's label for `case.<action>`, else the raw name. */
function eventName(t: Catalog, action: string): string {
  const name = action.startsWith('case.') ? action.slice(5) : ''
  return (t.staff.actions as Record<string, string>)[name] ?? action
}

export function CasePageView({
  t,
  email,
  admin,
  view,
  colleagues = [],
  problem,
  done,
}: {
  t: Catalog
  email: string
  admin?: boolean
  view: CaseView
  colleagues?: Colleague[]
  problem?: StaffProblem | undefined
  done?: boolean
}) {
  const p = t.staff.casePage
  const s = t.staff
  const c = view.case
  const fmt = (iso: string | null) => (iso ? t.dateFormat.format(new Date(iso)) : '—')
  return (
    <StaffFrame t={t} title={p.title(c.reference)} email={email} admin={admin} togglePath={`/cases/${c.id}`}>
      <p>
        <a href={`/cases?lang=${t.locale}`}>← {p.back}</a>
      </p>
      <h1>
        {p.title(c.reference)} <span class={`badge level-${c.level}`}>{s.levels[c.level]}</span>
      </h1>
      {done && (
        <p class="notice" role="status">
          {p.done}
        </p>
      )}
      <Problems t={t} problem={problem} />
      <Dl
        items={[
          [p.state, s.states[c.state]],
          [p.scorerLevel, s.levels[c.scorerLevel]],
          [p.due, <span class={c.overdue ? 'overdue' : undefined}>{fmt(c.firstResponseDueAt)}</span>],
          [p.assignee, c.assignee?.email ?? p.nobody],
        ]}
      />
      <section aria-labelledby="tip-title">
        <h2 id="tip-title">{p.tip}</h2>
        <p class="hint">{p.marksHint}</p>
        {view.tips.map((tip) => (
          <TipBlock t={t} tip={tip} />
        ))}
      </section>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{p.actions}</h2>
        <Actions t={t} view={view} colleagues={colleagues} />
      </section>
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{p.messages}</h2>
        {view.messages.length === 0 ? (
          <p>{p.noMessages}</p>
        ) : (
          <ul class="thread">
            {view.messages.map((m) => (
              <li class={m.direction === 'reporter' ? 'from-you' : 'from-counselor'}>
                <span class="who">{m.direction === 'reporter' ? p.fromReporter : m.from}</span>
                <time datetime={m.createdAt}>{fmt(m.createdAt)}</time>
                {m.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="related-title">
        <h2 id="related-title">{p.linkedTips}</h2>
        {view.linkedTips.length === 0 ? <p>{p.none}</p> : view.linkedTips.map((tip) => <TipBlock t={t} tip={tip} />)}
        {view.linkedInto.length > 0 && (
          <p>
            {p.linkedInto}{' '}
            {view.linkedInto.map((l) => (
              <a href={`/cases/${l.caseId}?lang=${t.locale}`}>{l.reference} </a>
            ))}
          </p>
        )}
      </section>
      {view.related.length > 0 && (
        <section aria-labelledby="early-title">
          <h2 id="early-title">{p.related}</h2>
          <p class="hint">{p.relatedHint}</p>
          <ul class="related">
            {view.related.map((r) => (
              <li>
                <a href={`/cases/${r.caseId}?lang=${t.locale}`}>{r.reference}</a>{' '}
                {r.shared.map((s) => (
                  <span class="shared">
                    {p.sharedKinds[s.kind as keyof typeof p.sharedKinds] ?? s.kind}: <mark>{s.words.join('、')}</mark>{' '}
                  </span>
                ))}
                {view.allowedActions.includes('link') && r.caseId !== c.id && (
                  <ActionForm t={t} caseId={c.id} action="link">
                    <input type="hidden" name="tipId" value={r.tipId} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.notes.length > 0 && (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">{p.notes}</h2>
          <ul class="thread">
            {view.notes.map((n) => (
              <li class="from-counselor">
                <span class="who">{n.author}</span>
                <time datetime={n.createdAt}>{fmt(n.createdAt)}</time>
                {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{p.timeline}</h2>
        <ol class="timeline">
          {view.ledger.map((e) => (
            <li>
              <time datetime={e.time}>{fmt(e.time)}</time> <strong>{eventName(t, e.action)}</strong> <span class="hint">{e.actorName}</span>
            </li>
          ))}
        </ol>
      </section>
    </StaffFrame>
  )
}

/** A signed-in account whose role may not see case content (a legal vice-principal), or one out of reach. */
export function NoAccessPage({ t, email, text = t.staff.noAccess }: { t: Catalog; email?: string | undefined; text?: { title: string; body: string } }) {
  return (
    <StaffFrame t={t} title={text.title} email={email}>
      <h1>{text.title}</h1>
      <p class="notice">{text.body}</p>
    </StaffFrame>
  )
}

export function StaffProblemPage({ t, problem, email }: { t: Catalog; problem: StaffProblem; email?: string | undefined }) {
  return (
    <StaffFrame t={t} title={t.staff.errorTitle} email={email}>
      <h1>{t.staff.errorTitle}</h1>
      <p class="error-summary" role="alert">
        {t.staff.problems[problem]}
      </p>
      <p>
        <a class="button" href={`/cases?lang=${t.locale}`}>
          {t.staff.nav.queue}
        </a>
      </p>
    </StaffFrame>
  )
}
