import type { ReporterStatus } from '../../tips/reporter-text'
import type { Help } from '../../tips/reporter-text'
import type { Language, Place } from '../../tips/tip-fields'
import type { Category, ReporterKind } from '../../scoring/types'

/** The page languages, default first. */
export const locales = ['zh-CN', 'en'] as const
export type Locale = (typeof locales)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** Problems a reporter can make or meet on a page; each has one plain sentence per language. */
export type Problem =
  | 'schoolMissing'
  | 'schoolUnknown'
  | 'textMissing'
  | 'textTooLong'
  | 'whenTooLong'
  | 'reporterMissing'
  | 'choiceInvalid'
  | 'informantUnknown'
  | 'receiptMalformed'
  | 'receiptUnknown'
  | 'replyMissing'
  | 'replyTooLong'
  | 'rateLimited'
  | 'notSaved'
  | 'crossSite'
  | 'tooLarge'
  | 'notFound'
  | 'schoolNotFound'
  | 'internal'

/**
 * Every string a reporter page shows, for one language. The sentences the API also returns (status, next
 * steps, help) are written once in `tips/reporter-text.ts` and reached from here, so a page reads
 * everything from one catalogue and no sentence is translated twice.
 */
export interface Catalog {
  locale: Locale
  /** The tips module's language for this locale. */
  lang: Language
  /** The name of this language, in itself: the toggle shows the *other* catalogue's. */
  languageName: string
  siteName: string
  tagline: string
  skipToContent: string
  switchLanguage: string
  footer: { anonymous: string; followup: string; report: string }
  form: {
    title: string
    intro: string
    school: string
    schoolChoose: string
    text: string
    textHint: string
    where: string
    whereChoose: string
    places: Record<Place, string>
    when: string
    whenHint: string
    ongoing: string
    ongoingYes: string
    ongoingNo: string
    ongoingUnsure: string
    reporter: string
    reporters: Record<ReporterKind, string>
    informantCode: string
    informantCodeHint: string
    categories: string
    categoriesHint: string
    categoryNames: Record<Category, string>
    optional: string
    send: string
    sending: string
    privacy: string
  }
  errors: { summary: string; problems: Record<Problem, string> }
  receipt: {
    title: string
    lead: string
    label: string
    onlyWayBack: string
    copy: string
    copied: string
    copyFailed: string
    saveImage: string
    print: string
    noScript: string
    reference: string
    referenceHint: string
    nextTitle: string
    imageTitle: string
    followupLink: string
  }
  help: { contactsTitle: string; call: (number: string) => string }
  followup: {
    title: string
    intro: string
    receipt: string
    receiptHint: string
    open: string
    statusTitle: string
    steps: Record<Exclude<ReporterStatus, 'closed'>, string>
    sentAt: (date: string) => string
    conversation: string
    noMessages: string
    fromYou: string
    fromCounselor: string
    reply: string
    replyHint: string
    sendReply: string
    replySent: string
    leave: string
  }
  poster: {
    title: string
    headline: string
    lines: string[]
    scan: string
    orOpen: string
    help: string
    print: string
    qrLabel: (url: string) => string
  }
  errorPage: { title: string; home: string }
  /** Sentences shared with the API, in this locale's language. */
  reporter: {
    status: (status: ReporterStatus) => string
    nextSteps: string[]
    help: Help
  }
  /** How dates are shown; the district's own time zone. */
  dateFormat: Intl.DateTimeFormat
}
