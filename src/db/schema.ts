import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { EscalationTarget } from '../cases/case-action'
import { roles } from '../auth/roles'
import { caseStates } from '../cases/state-machine'
import { informantRoles, schoolKinds } from '../schools/school-kinds'
import { categories, levels, reporterKinds } from '../scoring/types'
import type { Category } from '../scoring/types'
import { channels, languages, places } from '../tips/tip-fields'
import { bytes } from './columns'

/*
 * Conventions: times are epoch milliseconds (`timestamp_ms`), so ordering, deadlines and the ledger's hashed
 * time are plain integers. Row ids of tips, cases and messages are UUIDv7 text made by the app, because a
 * ledger event must name its case *before* the batch that inserts both is sent (the hash covers the id).
 * Staff ids (`assignee_id`, `author_id`, event actors) are `staff.id` values; they carry no foreign key
 * (adding one to an existing SQLite table means rebuilding it), and staff rows are disabled, never deleted.
 */

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull()

export const schools = sqliteTable('schools', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The public code a reporter's form sends, e.g. `QX-P03`. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: schoolKinds }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
})

/**
 * Registered student informants and safety officers. The code itself is stored only as an HMAC (like a
 * receipt): the district's paper register maps codes to children, so a copy of this table must not be
 * enough to pair tips with that register, nor to send tips in an informant's name. Staff see `label`, a
 * pseudonym the district chose ("信息员 07"), never the code or the child.
 */
export const informantCodes = sqliteTable('informant_codes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  codeHash: text('code_hash').notNull().unique(),
  label: text('label').notNull(),
  role: text('role', { enum: informantRoles }).notNull(),
  schoolId: integer('school_id').references(() => schools.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
})

/**
 * The unit of handling. One tip opens one case; later tips about the same incident can be linked in.
 * The queue reads this table only: critical first, then the first-response deadline.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    /** Short public reference (`T-7K3M-9Q2X`) for people to talk about a case; never the receipt. */
    reference: text('reference').notNull().unique(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    /** The level people act on; starts as the scorer's and a counselor may change it (a ledger event). */
    level: text('level', { enum: levels }).notNull(),
    /** What the scorer said, kept so trends can compare it with the level people settled on. */
    scorerLevel: text('scorer_level', { enum: levels }).notNull(),
    /**
     * 0 = critical … 3 = low, derived from `level` by SQLite itself so the queue index sorts severity
     * first without the app keeping two columns in step.
     */
    priority: integer('priority')
      .notNull()
      .generatedAlwaysAs(sql`(CASE "level" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`, {
        mode: 'virtual',
      }),
    state: text('state', { enum: caseStates }).notNull().default('new'),
    escalated: integer('escalated', { mode: 'boolean' }).notNull().default(false),
    assigneeId: text('assignee_id'),
    firstResponseDueAt: integer('first_response_due_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /**
     * Staff (issue 4). Bumped by every case action; an action's UPDATE only succeeds on the version it
     * read (optimistic concurrency, see src/cases/case-writes.ts), so two counselors cannot both act on
     * the same state.
     */
    version: integer('version').notNull().default(0),
    /**
     * Staff (issue 4). The scorer's categories of the case's tips as a bit set (bit i = `categories[i]`,
     * src/cases/category-mask.ts), denormalised so the queue can filter by category without a join.
     */
    categoryMask: integer('category_mask').notNull().default(0),

    // ── Deadlines and escalation (issue 6; README, "Deadlines, alerts and early warning") ────────────────────────────────────────────
    // Each `*_at` mark below is set once by the deadline sweep in the same batch as its ledger event; the
    // partial indexes drop a case as soon as its mark is set, so a sweep reads only what is due.
    /** When the case must be closed out; null only on cases opened before deadlines existed. */
    resolutionDueAt: integer('resolution_due_at', { mode: 'timestamp_ms' }),
    /** When the sweep found the first-response deadline missed (the `case.overdue` event's time). */
    firstResponseOverdueAt: integer('first_response_overdue_at', { mode: 'timestamp_ms' }),
    resolutionOverdueAt: integer('resolution_overdue_at', { mode: 'timestamp_ms' }),
    /** Who the case was handed up to (`district` by the sweep's 督办; people add others). */
    escalatedTo: text('escalated_to', { mode: 'json' }).$type<EscalationTarget[]>(),
    /** When the case was escalated to the district, by a person or by the sweep. */
    districtEscalatedAt: integer('district_escalated_at', { mode: 'timestamp_ms' }),
    /** How many on-duty contacts a critical case has called so far, and when the next one is due. */
    callDownStep: integer('call_down_step').notNull().default(0),
    callDownNextAt: integer('call_down_next_at', { mode: 'timestamp_ms' }),
    /** The follow-up check on the student (回访): due 30 days after resolution, reminded once, recorded. */
    followUpDueAt: integer('follow_up_due_at', { mode: 'timestamp_ms' }),
    followUpRemindedAt: integer('follow_up_reminded_at', { mode: 'timestamp_ms' }),
    followUpDoneAt: integer('follow_up_done_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // The district queue: WHERE state IN (open states) ORDER BY priority, due, id — a cursor walks (priority, due, id).
    index('cases_queue_idx').on(t.state, t.priority, t.firstResponseDueAt, t.id),
    // A counselor's queue is one school's.
    index('cases_school_queue_idx').on(t.schoolId, t.state, t.priority, t.firstResponseDueAt, t.id),
    index('cases_assignee_idx').on(t.assigneeId, t.state),
    // The deadline sweep: one small partial index per clock, holding only cases whose clock runs and whose
    // miss is not yet marked. The sweep's queries repeat these WHERE terms literally (SQLite uses a partial
    // index only when the query's WHERE implies the index's), and `due <= now` reads only what is due.
    index('cases_first_response_sweep_idx')
      .on(t.firstResponseDueAt)
      .where(sql`"state" = 'new' AND "first_response_overdue_at" IS NULL`),
    index('cases_resolution_sweep_idx')
      .on(t.resolutionDueAt)
      .where(sql`"state" IN ('new', 'acknowledged', 'investigating') AND "resolution_overdue_at" IS NULL`),
    index('cases_follow_up_sweep_idx')
      .on(t.followUpDueAt)
      .where(sql`"state" = 'resolved' AND "follow_up_reminded_at" IS NULL AND "follow_up_done_at" IS NULL`),
    index('cases_call_down_sweep_idx').on(t.callDownNextAt).where(sql`"call_down_next_at" IS NOT NULL`),
  ],
)

/** What the scorer found, stored without the matched text (that would be tip text in the clear). */
export interface StoredSignal {
  id: string
  category: Category
  weight: number
  start: number
  end: number
}

/**
 * One reporter's tip. The text (with the free-text `when`) is sealed with AES-256-GCM: `body` holds the
 * ciphertext of `{"text","when"}`, `nonce` its IV and `keyId` the key that sealed it.
 */
export const tips = sqliteTable(
  'tips',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    /** HMAC-SHA-256 of the normalised receipt under RECEIPT_KEY; the receipt itself is never stored. */
    receiptHash: text('receipt_hash').notNull(),
    reporter: text('reporter', { enum: reporterKinds }).notNull(),
    channel: text('channel', { enum: channels }).notNull().default('web'),
    /** `where` in the API; renamed because WHERE is SQL. */
    place: text('place', { enum: places }),
    ongoing: integer('ongoing', { mode: 'boolean' }),
    informantCodeId: integer('informant_code_id').references(() => informantCodes.id),
    lang: text('lang', { enum: languages }).notNull(),
    /** The categories the reporter picked themselves, beside the scorer's. */
    reporterCategories: text('reporter_categories', { mode: 'json' }).$type<Category[]>(),
    level: text('level', { enum: levels }).notNull(),
    score: integer('score').notNull(),
    categories: text('categories', { mode: 'json' }).notNull().$type<Category[]>(),
    signals: text('signals', { mode: 'json' }).notNull().$type<StoredSignal[]>(),
    scorerVersion: text('scorer_version').notNull(),
    keyId: text('key_id').notNull(),
    nonce: bytes('nonce').notNull(),
    body: bytes('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tips_receipt_hash_idx').on(t.receiptHash),
    index('tips_case_idx').on(t.caseId),
    // Trends count tips per school and week.
    index('tips_school_created_idx').on(t.schoolId, t.createdAt),
  ],
)

export const messageDirections = ['reporter', 'staff'] as const

/**
 * The conversation between a case's staff and one reporter. A message belongs to a case *and* to the tip
 * whose reporter it is to or from: once tips are linked, one case can have several anonymous reporters,
 * and each receipt must show only its own thread.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    direction: text('direction', { enum: messageDirections }).notNull(),
    /** The staff member who wrote a `staff` message; null for the reporter. */
    authorId: text('author_id'),
    keyId: text('key_id').notNull(),
    nonce: bytes('nonce').notNull(),
    body: bytes('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('messages_tip_idx').on(t.tipId, t.createdAt), index('messages_case_idx').on(t.caseId, t.createdAt)],
)

/**
 * The ledger (台账): one global hash chain of every step of every case. `seq` is assigned by the writer
 * (head + 1) and `prev_hash` is unique, so two writers that raced from the same head cannot both commit:
 * the loser's batch fails and it retries on the new head. UPDATE and DELETE are refused by triggers
 * (see the custom migration), and `case_id` references cases so a case with history cannot be deleted.
 */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey(),
    caseId: text('case_id').references(() => cases.id),
    /** `reporter`, `system`, or a staff id. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** Canonical JSON (sorted keys), exactly the bytes that were hashed. */
    payload: text('payload').notNull(),
    createdAt: createdAt(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    // prev_hash is unique so the chain cannot fork. `hash` gets no index of its own: it is unique by
    // construction, nothing looks events up by it, and each random-key index costs a page write per row
    // (measured: index pages dominate what a group commit has to fsync).
    uniqueIndex('events_prev_hash_idx').on(t.prevHash),
    index('events_case_idx').on(t.caseId, t.seq),
    // Exactly-once events of the deadline sweep (issue 6): each carries a `once` key in its payload
    // (`overdue:firstResponse:<due>`, `call_down:2`, …) and this index refuses a second one per case, so two
    // sweeps racing on the same due case cannot both commit — the loser's whole batch (its case mark and
    // outbox rows included) is rolled back. Partial on the action, so other events cost no JSON parse.
    uniqueIndex('events_once_idx')
      .on(t.caseId, sql`("payload" ->> '$.once')`)
      .where(sql`"action" IN ('case.overdue', 'case.escalated_auto', 'case.call_down', 'case.follow_up_due')`),
  ],
)

// ── Alerts and early warning (issue 6; README, "Deadlines, alerts and early warning") ───────────────────────────────────────────────

export const notifyFormats = ['wecom', 'dingtalk', 'feishu', 'json'] as const
export const notifyRoles = ['channel', 'contact'] as const

/**
 * Where notifications go. A `channel` is a school's (or, with no school, the district's) on-duty group
 * bot or endpoint and gets every alert of its school; a `contact` is one on-duty person in a school's
 * call-down list (`call_order` 1, 2, …), reached through a bot that @-mentions `mention` or a gateway of
 * their own. The district's channels can also come from config (DISTRICT_WEBHOOKS). The URL of a bot is
 * its credential; `secret` is the signing secret of DingTalk and Feishu bots that have one (加签).
 */
export const notifyTargets = sqliteTable(
  'notify_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    schoolId: integer('school_id').references(() => schools.id),
    role: text('role', { enum: notifyRoles }).notNull(),
    callOrder: integer('call_order'),
    label: text('label').notNull(),
    format: text('format', { enum: notifyFormats }).notNull(),
    url: text('url').notNull(),
    secret: text('secret'),
    /** A mobile number a WeCom/DingTalk bot @-mentions, so the contact's phone rings. */
    mention: text('mention'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('notify_targets_school_idx').on(t.schoolId, t.role, t.callOrder)],
)

export const notificationKinds = ['critical_tip', 'overdue', 'escalation', 'call_down', 'follow_up_due'] as const

/** What a notification says: references and labels only — never tip text, never anything about the reporter. */
export interface NotificationMessage {
  kind: (typeof notificationKinds)[number]
  reference: string
  level: string
  school: { code: string; name: string }
  /** Where staff open the case (PUBLIC_URL + /cases/<reference>), when PUBLIC_URL is set. */
  link: string | null
  /** Which deadline, for `overdue`; which step, for `call_down`. */
  deadline?: string
  dueAt?: number
  step?: number
  /** For `follow_up_due`: the staff id of the case owner to remind. */
  owner?: string | null
}

/**
 * The outbox: a notification is written in the same batch as the event that causes it, so an alert is
 * never lost when the process dies after the commit, nor sent for a write that rolled back. The delivery
 * loop claims due rows with a conditional UPDATE (one loop wins a row), sends, and marks it delivered or
 * schedules a retry with backoff. `idempotency_key` travels with every attempt so a receiver can drop the
 * repeat of an attempt whose answer was lost.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').references(() => cases.id),
    /** `db:<notify_targets.id>` or `env:<hash of the URL>` for a DISTRICT_WEBHOOKS entry. */
    targetKey: text('target_key').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    message: text('message', { mode: 'json' }).notNull().$type<NotificationMessage>(),
    createdAt: createdAt(),
    /** Due for (another) attempt from this time; also the claim: a claimed row is moved a lease ahead. */
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The last failure as a short code (`http_500`, `errcode_45009`, `network`), never a response body. */
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    /** Given up after OUTBOX_MAX_ATTEMPTS, or the target is gone. */
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_idx').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`"delivered_at" IS NULL AND "failed_at" IS NULL`),
    index('outbox_case_idx').on(t.caseId),
  ],
)

export const termKinds = ['name', 'class', 'place'] as const

/**
 * The early-warning index: for each tip, keyed hashes (HMAC under `keys.terms`, school id included) of the
 * normalised names, classes and places its text mentions. Never the words themselves: a copy of this
 * table without the key says nothing, and the words shown to staff are recomputed from the sealed texts.
 */
export const tipTerms = sqliteTable(
  'tip_terms',
  {
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind', { enum: termKinds }).notNull(),
    termHash: text('term_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tipId, t.termHash] }), index('tip_terms_lookup_idx').on(t.schoolId, t.termHash, t.createdAt)],
)

/**
 * Related tips: a new tip and an earlier tip of the same school that share a name, class or place.
 * `kinds` says what kind of term they share; the words are computed when staff read the case.
 */
export const relatedTips = sqliteTable(
  'related_tips',
  {
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    relatedTipId: text('related_tip_id')
      .notNull()
      .references(() => tips.id),
    relatedCaseId: text('related_case_id')
      .notNull()
      .references(() => cases.id),
    kinds: text('kinds', { mode: 'json' }).notNull().$type<(typeof termKinds)[number][]>(),
    shared: integer('shared').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tipId, t.relatedTipId] }),
    index('related_tips_case_idx').on(t.caseId),
    index('related_tips_related_case_idx').on(t.relatedCaseId),
  ],
)

/* ───────────────────────────── Staff side (issue 4): accounts, notes, links, canned replies ───────────────────────────── */

/**
 * Staff accounts. The password is a PBKDF2 hash (src/auth/password.ts); the TOTP secret is sealed with the
 * data key like tip text (context `totp:<staff id>`); recovery codes are stored as keyed digests only.
 * `session_version` is the `sv` every session token must match: sign-out, a password change, a role,
 * school or 2FA change and disabling the account increment it, which revokes every token at once.
 */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  /** Lower-cased, trimmed; the sign-in name. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: roles }).notNull(),
  /** The school a counselor (or a school's legal vice-principal) belongs to; null for district scope. */
  schoolId: integer('school_id').references(() => schools.id),
  sessionVersion: integer('session_version').notNull().default(0),
  /** A password an administrator handed out (CLI, seeding): the account must choose its own first. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** A district admin made the second factor mandatory for this account. */
  requireTotp: integer('require_totp', { mode: 'boolean' }).notNull().default(false),
  /** Sealed TOTP secret; present once enrolment started, in use once `totp_enabled`. */
  totpKeyId: text('totp_key_id'),
  totpNonce: bytes('totp_nonce'),
  totpBody: bytes('totp_body'),
  totpEnabled: integer('totp_enabled', { mode: 'boolean' }).notNull().default(false),
  /** The last TOTP step used, so an observed code cannot be replayed. */
  totpLastStep: integer('totp_last_step'),
  recoveryHashes: text('recovery_hashes', { mode: 'json' }).$type<string[]>(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

export const caseNoteKinds = ['note', 'reason', 'summary'] as const
export type CaseNoteKind = (typeof caseNoteKinds)[number]

/**
 * Free text staff write on a case: notes, and the reasons and summaries that come with level changes,
 * escalations, dismissals, reopenings and resolutions. Sealed like tip text (context `note:<id>`), kept in
 * their own table rather than in ledger payloads: the ledger stays readable for verification and export
 * without the data key, and its event names the note by id.
 */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: caseNoteKinds }).notNull(),
    authorId: text('author_id').notNull(),
    keyId: text('key_id').notNull(),
    nonce: bytes('nonce').notNull(),
    body: bytes('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
)

/**
 * A tip filed with another case (the same incident or the same target). The tip stays with its own case,
 * whose reporter keeps following it by receipt; the link makes it appear on this case's page.
 */
export const caseLinks = sqliteTable(
  'case_links',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    tipId: text('tip_id')
      .notNull()
      .references(() => tips.id),
    linkedBy: text('linked_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('case_links_case_tip_idx').on(t.caseId, t.tipId), index('case_links_tip_idx').on(t.tipId)],
)

/** Ready-made replies to reporters, per language; district admins edit them, counselors pick one. */
export const cannedReplies = sqliteTable(
  'canned_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lang: text('lang', { enum: languages }).notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('canned_replies_lang_idx').on(t.lang)],
)

/**
 * Tables in foreign-key order, parents first: the order the group-commit writer sends merged row inserts
 * in, so every row's parent is already there when SQLite checks the key.
 */
export const insertOrder = [
  schools,
  informantCodes,
  staff,
  cannedReplies,
  notifyTargets,
  cases,
  tips,
  messages,
  caseNotes,
  caseLinks,
  tipTerms,
  relatedTips,
  outbox,
  events,
] as const
