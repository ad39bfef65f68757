import type { ReporterStatus } from '../../tips/reporter-text'
import type { Help } from '../../tips/reporter-text'
import type { Language, Place } from '../../tips/tip-fields'
import type { Category, Level, ReporterKind } from '../../scoring/types'
import type { CaseActionType, DismissReason, EscalationTarget } from '../../cases/case-action'
import type { ResolutionCode } from '../../cases/resolution-codes'
import type { CaseState } from '../../cases/state-machine'
import type { Role } from '../../auth/roles'
import type { InformantRole } from '../../schools/school-kinds'

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
  /** Every string of the staff pages (sign-in, queue, case page). Shared label tables are reached from here. */
  staff: StaffCatalog
  /** How dates are shown; the district's own time zone. */
  dateFormat: Intl.DateTimeFormat
}

/** Problems staff can meet on the staff pages; each has one plain sentence per language. */
export type StaffProblem =
  | 'credentials'
  | 'secondFactorNeeded'
  | 'secondFactorWrong'
  | 'throttled'
  | 'setupRequired'
  | 'fieldsMissing'
  | 'badInput'
  | 'notAllowed'
  | 'conflict'
  | 'notFound'
  | 'crossSite'
  | 'internal'
  | 'emailTaken'
  | 'unknownSchool'
  | 'roleSchool'
  | 'unknownItem'

export interface StaffCatalog {
  area: string
  nav: { queue: string; admin: string; signOut: string; signedInAs: (email: string) => string }
  login: { title: string; intro: string; email: string; password: string; totp: string; totpHint: string; submit: string; signedOut: string }
  queue: {
    title: string
    countsLabel: string
    filters: string
    status: string
    level: string
    any: string
    overdue: string
    dueSoon: string
    mine: string
    apply: string
    clear: string
    empty: string
    reference: string
    state: string
    due: string
    escalated: string
    autoRefresh: string
    /** Remaining time to the first-response deadline; `d` is e.g. "3h 20m". */
    dueIn: string
    overdueBy: string
    hours: string
    minutes: string
  }
  levels: Record<Level, string>
  states: Record<CaseState, string>
  actions: Record<CaseActionType, string>
  resolutions: Record<ResolutionCode, string>
  dismissReasons: Record<DismissReason, string>
  escalationTargets: Record<EscalationTarget, string>
  casePage: {
    title: (reference: string) => string
    back: string
    tip: string
    marksHint: string
    details: string
    level: string
    scorerLevel: string
    state: string
    due: string
    assignee: string
    nobody: string
    where: string
    when: string
    ongoing: string
    reporter: string
    yes: string
    no: string
    notSure: string
    linkedTips: string
    /** Early warning: other tips of the school naming the same child, class or place. */
    related: string
    relatedHint: string
    sharedKinds: Record<'name' | 'class' | 'place', string>
    assignTo: string
    linkedInto: string
    none: string
    messages: string
    noMessages: string
    fromReporter: string
    notes: string
    timeline: string
    actions: string
    noActions: string
    text: string
    reason: string
    summary: string
    code: string
    to: string
    detail: string
    duplicateOf: string
    choose: string
    done: string
  }
  noAccess: { title: string; body: string }
  /** The district admin's pages: accounts, informant codes, schools. */
  admin: AdminCatalog
  errorTitle: string
  problems: Record<StaffProblem, string>
}

export interface AdminCatalog {
  nav: { accounts: string; informantCodes: string; schools: string; label: string }
  noAccess: { title: string; body: string }
  roles: Record<Role, string>
  informantRoles: Record<InformantRole, string>
  yes: string
  no: string
  none: string
  district: string
  choose: string
  accounts: {
    title: string
    intro: string
    listTitle: string
    email: string
    role: string
    school: string
    schoolHint: string
    totp: string
    totpOn: string
    totpRequired: string
    totpOff: string
    status: string
    active: string
    disabled: string
    actions: string
    disable: string
    enable: string
    requireTotp: string
    createTitle: string
    create: string
    created: (email: string) => string
    oneTimePassword: string
    oneTimePasswordNote: string
    saved: string
    empty: string
  }
  informantCodes: {
    title: string
    intro: string
    listTitle: string
    code: string
    label: string
    labelHint: string
    role: string
    school: string
    status: string
    active: string
    revoked: string
    revoke: string
    issueTitle: string
    issue: string
    issued: (label: string) => string
    codeNote: string
    nameNote: string
    revokedDone: string
    empty: string
  }
  schools: { title: string; intro: string; code: string; name: string; poster: string; posterLink: (code: string) => string; empty: string }
}
