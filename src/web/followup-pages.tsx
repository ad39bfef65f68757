import type { FollowupView } from '../tips/followup'
import type { ReporterStatus } from '../tips/reporter-text'
import { MAX_TIP_CHARS } from '../scoring/types'
import { ErrorSummary, FieldError, type PageProblem, describedBy } from './components'
import type { Catalog, Problem } from './i18n/catalog'
import { Layout, ReporterFooter } from './layout'

export interface FollowupEntryProps {
  t: Catalog
  /** What was typed, kept when it was wrong. */
  receipt?: string
  problem?: Problem | undefined
  togglePath?: string | undefined
}

/**
 * Enter a receipt. It is POSTed, never put in the URL (URLs end up in histories and logs); the field is
 * not remembered by the browser (`autocomplete="off"`).
 */
export function FollowupEntryPage({ t, receipt = '', problem, togglePath }: FollowupEntryProps) {
  const f = t.followup
  const fieldProblem = problem === 'receiptMalformed' || problem === 'receiptUnknown' ? problem : undefined
  const problems: PageProblem[] = problem ? [{ problem, field: fieldProblem ? 'receipt' : undefined }] : []
  return (
    <Layout t={t} title={f.title} togglePath={togglePath} footer={<ReporterFooter t={t} />}>
      <h1>{f.title}</h1>
      <p class="lead">{f.intro}</p>
      <ErrorSummary t={t} problems={problems} />
      <form method="post" action="/followup" autocomplete="off" data-once>
        <input type="hidden" name="lang" value={t.locale} />
        <div class="field">
          <label class="title" for="receipt">
            {f.receipt}
          </label>
          <p class="hint" id="receipt-hint">
            {f.receiptHint}
          </p>
          <FieldError t={t} id="receipt" problem={fieldProblem} />
          <input
            type="text"
            id="receipt"
            name="receipt"
            class="receipt-input"
            value={receipt}
            required
            maxlength={64}
            autocapitalize="characters"
            autocorrect="off"
            spellcheck={false}
            aria-invalid={fieldProblem ? 'true' : undefined}
            aria-describedby={describedBy('receipt', true, fieldProblem)}
          />
        </div>
        <button type="submit" class="button wide">
          {f.open}
        </button>
      </form>
    </Layout>
  )
}

export interface FollowupViewProps {
  t: Catalog
  view: FollowupView
  /** The receipt as shown, carried in the reply form's hidden field. */
  receipt: string
  reply?: string
  replyProblem?: Problem | undefined
  sent?: boolean
}

const progress: Exclude<ReporterStatus, 'closed'>[] = ['received', 'in_progress', 'resolved']

/**
 * What a receipt shows: the status in plain words (and as three steps), the conversation, and a box to
 * answer. Message text is the reporter's and the counselor's own words: JSX escapes it like all output.
 */
export function FollowupViewPage({ t, view, receipt, reply = '', replyProblem, sent = false }: FollowupViewProps) {
  const f = t.followup
  const reached = progress.indexOf(view.status === 'closed' ? 'resolved' : view.status)
  return (
    <Layout t={t} title={f.title} footer={<ReporterFooter t={t} />}>
      <h1>{f.title}</h1>
      <ErrorSummary t={t} problems={replyProblem ? [{ problem: replyProblem, field: 'reply' }] : []} />
      {sent && (
        <p class="notice" role="status">
          {f.replySent}
        </p>
      )}
      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title">{f.statusTitle}</h2>
        {view.status !== 'closed' && (
          <ol class="steps">
            {progress.map((step, i) => (
              <li class={i <= reached ? 'done' : undefined} aria-current={i === reached ? 'step' : undefined}>
                {f.steps[step]}
              </li>
            ))}
          </ol>
        )}
        <p class="status" id="status-text">
          {t.reporter.status(view.status)}
        </p>
        <p class="hint">{f.sentAt(t.dateFormat.format(new Date(view.createdAt)))}</p>
      </section>

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{f.conversation}</h2>
        {view.messages.length === 0 ? (
          <p>{f.noMessages}</p>
        ) : (
          <ul class="thread">
            {view.messages.map((m) => (
              <li class={m.from === 'you' ? 'from-you' : 'from-counselor'}>
                <span class="who">{m.from === 'you' ? f.fromYou : f.fromCounselor}</span>
                {m.text}
                <time datetime={m.createdAt}>{t.dateFormat.format(new Date(m.createdAt))}</time>
              </li>
            ))}
          </ul>
        )}
      </section>

      <form method="post" action="/followup/reply" autocomplete="off" data-once>
        <input type="hidden" name="lang" value={t.locale} />
        <input type="hidden" name="receipt" value={receipt} />
        <div class="field">
          <label class="title" for="reply">
            {f.reply}
          </label>
          <p class="hint" id="reply-hint">
            {f.replyHint}
          </p>
          <FieldError t={t} id="reply" problem={replyProblem} />
          <textarea
            id="reply"
            name="text"
            rows={4}
            required
            maxlength={MAX_TIP_CHARS}
            aria-invalid={replyProblem ? 'true' : undefined}
            aria-describedby={describedBy('reply', true, replyProblem)}
          >
            {reply}
          </textarea>
        </div>
        <button type="submit" class="button wide" data-sending={t.form.sending}>
          {f.sendReply}
        </button>
      </form>
      <p class="hint">{f.leave}</p>
    </Layout>
  )
}
