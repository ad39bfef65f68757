import type { ReporterKind } from '../scoring/types'
import { type TipRequest, tipRequest } from '../tips/take-tip'
import type { Problem } from './i18n/catalog'

/** What a form POST body looks like once Hono has parsed it (`parseBody({ all: true })`). */
export type FormBody = Record<string, string | File | (string | File)[]>

/** A form field's value as text: the first value, files ignored. */
export function one(body: FormBody, name: string): string {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

/** Every text value of a repeated field (checkboxes). */
export function many(body: FormBody, name: string): string[] {
  const value = body[name]
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string')
}

/** The tip form's fields exactly as typed, kept so a form with a problem comes back filled in. */
export interface TipFormValues {
  school: string
  text: string
  where: string
  when: string
  /** `yes`, `no`, `unsure` or empty. */
  ongoing: string
  reporter: string
  informantCode: string
  categories: string[]
}

export type TipFormField = keyof TipFormValues
export type TipFormProblems = Partial<Record<TipFormField, Problem>>

/**
 * An empty form; `school` preselected for a poster's link, `reporter` on student (the common case, and a
 * radio group should have a choice made).
 */
export function blankTipForm(school = ''): TipFormValues {
  return { school, text: '', where: '', when: '', ongoing: '', reporter: 'student', informantCode: '', categories: [] }
}

/**
 * Reads a posted tip form.
 *
 * @example
 * readTipForm(await c.req.parseBody({ all: true }))
 */
export function readTipForm(body: FormBody): TipFormValues {
  return {
    school: one(body, 'school'),
    text: one(body, 'text'),
    where: one(body, 'where'),
    when: one(body, 'when'),
    ongoing: one(body, 'ongoing'),
    reporter: one(body, 'reporter'),
    informantCode: one(body, 'informantCode'),
    categories: many(body, 'categories'),
  }
}

/**
 * The form's strings as the intake's request, validated by the same schema the JSON API uses; or a
 * plain-words problem per field. Empty optional fields are left out; the informant code counts only when
 * the reporter says they are an informant (the field may still hold text from before they changed it).
 *
 * @example
 * tipFromForm({ ...blankTipForm('QX-P03'), text: '有人骂我' }) // { ok: true, tip: { school: 'QX-P03', … } }
 */
export function tipFromForm(values: TipFormValues): { ok: true; tip: TipRequest } | { ok: false; problems: TipFormProblems } {
  const ongoing = values.ongoing === 'yes' ? true : values.ongoing === 'no' ? false : undefined
  const candidate = {
    school: values.school,
    text: values.text,
    reporter: values.reporter,
    ...(values.categories.length ? { categories: values.categories } : {}),
    ...(values.where ? { where: values.where } : {}),
    ...(values.when.trim() ? { when: values.when } : {}),
    ...(ongoing !== undefined ? { ongoing } : {}),
    ...(values.reporter === ('informant' satisfies ReporterKind) && values.informantCode.trim() ? { informantCode: values.informantCode } : {}),
  }
  const problems: TipFormProblems = {}
  if (!['', 'yes', 'no', 'unsure'].includes(values.ongoing)) problems.ongoing = 'choiceInvalid'
  const parsed = tipRequest.safeParse(candidate)
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, tip: parsed.data }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]) as TipFormField
    if (problems[field]) continue
    problems[field] = problemFor(field, values)
  }
  return { ok: false, problems }
}

function problemFor(field: TipFormField, values: TipFormValues): Problem {
  switch (field) {
    case 'school':
      return values.school.trim() ? 'schoolUnknown' : 'schoolMissing'
    case 'text':
      return values.text.trim() ? 'textTooLong' : 'textMissing'
    case 'when':
      return 'whenTooLong'
    case 'reporter':
      return 'reporterMissing'
    case 'informantCode':
      return 'informantUnknown'
    default:
      return 'choiceInvalid'
  }
}
