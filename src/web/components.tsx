import type { Catalog, Problem } from './i18n/catalog'

/** A problem on a page, tied to the field it is about (its element id) when there is one. */
export interface PageProblem {
  problem: Problem
  /** The id of the input to fix; the summary links to it. */
  field?: string | undefined
}

/**
 * The list of what to fix, at the top of the page, focused on load (autofocus works without script) so a
 * screen reader reads it first; each item links to its field.
 */
export function ErrorSummary({ t, problems }: { t: Catalog; problems: PageProblem[] }) {
  if (problems.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.errors.summary}</h2>
      <ul>
        {problems.map((p) => (
          <li>{p.field ? <a href={`#${p.field}`}>{t.errors.problems[p.problem]}</a> : t.errors.problems[p.problem]}</li>
        ))}
      </ul>
    </div>
  )
}

/** The message under a field that needs fixing; its id is what the field's aria-describedby names. */
export function FieldError({ t, id, problem }: { t: Catalog; id: string; problem: Problem | undefined }) {
  if (!problem) return null
  return (
    <p class="field-error" id={`${id}-error`}>
      {t.errors.problems[problem]}
    </p>
  )
}

/** The ids an input is described by: its hint, and its error when it has one. */
export function describedBy(id: string, hint: boolean, problem: Problem | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/**
 * Help for right now (whom to call), shown before anything else when a tip shows self-harm or danger.
 * Phone numbers are tel: links, big enough to tap.
 */
export function HelpBox({ t }: { t: Catalog }) {
  const help = t.reporter.help
  return (
    <section class="help" aria-labelledby="help-title">
      <h2 id="help-title">{help.title}</h2>
      <ul>
        {help.steps.map((step) => (
          <li>{step}</li>
        ))}
      </ul>
      <p>{t.help.contactsTitle}</p>
      <ul class="calls">
        {help.contacts.map((contact) => (
          <li>
            <a href={`tel:${contact.number}`}>
              <span>{t.help.call(contact.number)}</span>
              <span>{contact.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
