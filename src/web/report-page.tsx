import type { PublicSchool } from '../schools/schools'
import { categories, reporterKinds } from '../scoring/types'
import { places } from '../tips/tip-fields'
import { MAX_WHEN_CHARS } from '../tips/tip-fields'
import { MAX_TIP_CHARS } from '../scoring/types'
import { ErrorSummary, FieldError, type PageProblem, describedBy } from './components'
import type { TipFormField, TipFormProblems, TipFormValues } from './form-input'
import type { Catalog } from './i18n/catalog'
import { Layout, ReporterFooter } from './layout'

export interface ReportPageProps {
  t: Catalog
  schools: PublicSchool[]
  values: TipFormValues
  problems?: TipFormProblems
  /** A problem not about one field (rate limit, not saved, refused). */
  pageProblem?: PageProblem | undefined
  togglePath?: string | undefined
}

/** The order problems are listed in: the order of the fields on the page. */
const fieldOrder: TipFormField[] = ['school', 'text', 'where', 'when', 'ongoing', 'reporter', 'informantCode', 'categories']

/** Element ids of the fields, for labels, the error summary's links and aria-describedby. */
const ids: Record<TipFormField, string> = {
  school: 'school',
  text: 'text',
  where: 'where',
  when: 'when',
  ongoing: 'ongoing-yes',
  reporter: 'reporter-student',
  informantCode: 'informant-code',
  categories: 'category-physical',
}

/**
 * The tip form: school, what happened, where, when, still going on, who is reporting (with the informant
 * code), optional categories as chips. A plain form POST, so it works with no script at all;
 * `autocomplete="off"` so a shared phone's form history does not keep what a child wrote.
 */
export function ReportPage({ t, schools, values, problems = {}, pageProblem, togglePath }: ReportPageProps) {
  const f = t.form
  const listed: PageProblem[] = [
    ...(pageProblem ? [pageProblem] : []),
    ...fieldOrder.flatMap((field) => {
      const problem = problems[field]
      return problem ? [{ problem, field: ids[field] }] : []
    }),
  ]
  return (
    <Layout t={t} title={f.title} togglePath={togglePath} footer={<ReporterFooter t={t} />}>
      <h1>{f.title}</h1>
      <p class="lead">{f.intro}</p>
      <ErrorSummary t={t} problems={listed} />
      <form method="post" action="/report" autocomplete="off" data-once accept-charset="utf-8">
        <input type="hidden" name="lang" value={t.locale} />

        <div class="field">
          <label class="title" for="school">
            {f.school}
          </label>
          <FieldError t={t} id="school" problem={problems.school} />
          <select id="school" name="school" required aria-invalid={problems.school ? 'true' : undefined} aria-describedby={describedBy('school', false, problems.school)}>
            <option value="">{f.schoolChoose}</option>
            {schools.map((s) => (
              <option value={s.code} selected={s.code === values.school.trim().toUpperCase()}>
                {s.name}
              </option>
            ))}
          </select>
        </div>

        <div class="field">
          <label class="title" for="text">
            {f.text}
          </label>
          <p class="hint" id="text-hint">
            {f.textHint}
          </p>
          <FieldError t={t} id="text" problem={problems.text} />
          <textarea
            id="text"
            name="text"
            rows={8}
            required
            maxlength={MAX_TIP_CHARS}
            aria-invalid={problems.text ? 'true' : undefined}
            aria-describedby={describedBy('text', true, problems.text)}
          >
            {values.text}
          </textarea>
        </div>

        <div class="field">
          <label class="title" for="where">
            {f.where} <span class="hint">{f.optional}</span>
          </label>
          <FieldError t={t} id="where" problem={problems.where} />
          <select id="where" name="where" aria-invalid={problems.where ? 'true' : undefined} aria-describedby={describedBy('where', false, problems.where)}>
            <option value="">{f.whereChoose}</option>
            {places.map((p) => (
              <option value={p} selected={p === values.where}>
                {f.places[p]}
              </option>
            ))}
          </select>
        </div>

        <div class="field">
          <label class="title" for="when">
            {f.when} <span class="hint">{f.optional}</span>
          </label>
          <p class="hint" id="when-hint">
            {f.whenHint}
          </p>
          <FieldError t={t} id="when" problem={problems.when} />
          <input
            type="text"
            id="when"
            name="when"
            value={values.when}
            maxlength={MAX_WHEN_CHARS}
            aria-invalid={problems.when ? 'true' : undefined}
            aria-describedby={describedBy('when', true, problems.when)}
          />
        </div>

        <fieldset aria-describedby={problems.ongoing ? 'ongoing-error' : undefined}>
          <legend>
            {f.ongoing} <span class="hint">{f.optional}</span>
          </legend>
          <FieldError t={t} id="ongoing" problem={problems.ongoing} />
          <div class="choices">
            {(
              [
                ['yes', f.ongoingYes],
                ['no', f.ongoingNo],
                ['unsure', f.ongoingUnsure],
              ] as const
            ).map(([value, label]) => (
              <label class="choice">
                <input type="radio" id={`ongoing-${value}`} name="ongoing" value={value} checked={values.ongoing === value} />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset aria-describedby={problems.reporter ? 'reporter-error' : undefined}>
          <legend>{f.reporter}</legend>
          <FieldError t={t} id="reporter" problem={problems.reporter} />
          <div class="choices">
            {reporterKinds.map((kind) => (
              <label class="choice">
                <input type="radio" id={`reporter-${kind}`} name="reporter" value={kind} checked={values.reporter === kind} required />
                <span>{f.reporters[kind]}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div class="field informant">
          <label class="title" for="informant-code">
            {f.informantCode}
          </label>
          <p class="hint" id="informant-code-hint">
            {f.informantCodeHint}
          </p>
          <FieldError t={t} id="informant-code" problem={problems.informantCode} />
          <input
            type="text"
            id="informant-code"
            name="informantCode"
            class="receipt-input"
            value={values.informantCode}
            maxlength={64}
            autocapitalize="characters"
            spellcheck={false}
            aria-invalid={problems.informantCode ? 'true' : undefined}
            aria-describedby={describedBy('informant-code', true, problems.informantCode)}
          />
        </div>

        <fieldset aria-describedby="categories-hint">
          <legend>
            {f.categories} <span class="hint">{f.optional}</span>
          </legend>
          <p class="hint" id="categories-hint">
            {f.categoriesHint}
          </p>
          <FieldError t={t} id="categories" problem={problems.categories} />
          <div class="chips">
            {categories.map((category) => (
              <label class="chip">
                <input type="checkbox" id={`category-${category}`} name="categories" value={category} checked={values.categories.includes(category)} />
                <span>{f.categoryNames[category]}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <p class="hint">{f.privacy}</p>
        <button type="submit" class="button wide" data-sending={f.sending}>
          {f.send}
        </button>
      </form>
    </Layout>
  )
}
