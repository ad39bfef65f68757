import type { PublicAccount } from '../../auth/accounts'
import { roles } from '../../auth/roles'
import type { InformantCodeRow } from '../../informants/informants.routes'
import { informantRoles } from '../../schools/school-kinds'
import type { PublicSchool } from '../../schools/schools'
import type { Catalog, StaffProblem } from '../i18n/catalog'
import { Problems, StaffFrame } from './staff-pages'

/** What the account form had, so a refused form comes back filled in. */
export interface AccountDraft {
  email?: string
  role?: string
  school?: string
}

/** A one-time secret shown once after a post (never stored in a page address or a cookie). */
function ShownOnce({ label, code, notes }: { label: string; code: string; notes: string[] }) {
  return (
    <div class="receipt" role="status">
      <span>{label}</span>
      <strong class="code" id="one-time-code">
        {code}
      </strong>
      {notes.map((note) => (
        <p>{note}</p>
      ))}
    </div>
  )
}

function SchoolSelect({ t, id, schools, selected, withNone }: { t: Catalog; id: string; schools: PublicSchool[]; selected?: string | undefined; withNone: boolean }) {
  const a = t.staff.admin
  return (
    <select id={id} name="school" aria-describedby={withNone ? `${id}-hint` : undefined} required={!withNone}>
      <option value="">{withNone ? `${a.none} (${a.district})` : a.choose}</option>
      {schools.map((s) => (
        <option value={s.code} selected={selected?.toUpperCase() === s.code}>
          {s.code} {s.name}
        </option>
      ))}
    </select>
  )
}

/** A one-button form posting one change (the same-origin check and the admin guard apply on the server). */
function SmallPost({ t, action, fields, label, secondary = true }: { t: Catalog; action: string; fields: Record<string, string>; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="lang" value={t.locale} />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`button small${secondary ? ' secondary' : ''}`}>
        {label}
      </button>
    </form>
  )
}

export function AccountsPage({
  t,
  email,
  accounts,
  schools,
  problem,
  draft = {},
  created,
  saved,
}: {
  t: Catalog
  email: string
  accounts: PublicAccount[]
  schools: PublicSchool[]
  problem?: StaffProblem | undefined
  draft?: AccountDraft
  created?: { email: string; oneTimePassword: string } | undefined
  saved?: boolean
}) {
  const a = t.staff.admin
  const p = a.accounts
  return (
    <StaffFrame t={t} title={p.title} email={email} admin togglePath="/admin/accounts">
      <h1>{p.title}</h1>
      <p class="lead">{p.intro}</p>
      <Problems t={t} problem={problem} />
      {saved && <p class="notice">{p.saved}</p>}
      {created && (
        <>
          <p class="notice">{p.created(created.email)}</p>
          <ShownOnce label={p.oneTimePassword} code={created.oneTimePassword} notes={[p.oneTimePasswordNote]} />
        </>
      )}
      <h2>{p.listTitle}</h2>
      {accounts.length === 0 ? (
        <p class="notice">{p.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">{p.email}</th>
                <th scope="col">{p.role}</th>
                <th scope="col">{p.school}</th>
                <th scope="col">{p.totp}</th>
                <th scope="col">{p.status}</th>
                <th scope="col">{p.actions}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr>
                  <td>{account.email}</td>
                  <td>{a.roles[account.role]}</td>
                  <td>{account.school ?? a.district}</td>
                  <td>{[account.totpEnabled ? p.totpOn : p.totpOff, ...(account.requireTotp ? [p.totpRequired] : [])].join(' · ')}</td>
                  <td>{account.disabled ? p.disabled : p.active}</td>
                  <td>
                    <div class="inline-forms">
                      <SmallPost
                        t={t}
                        action={`/admin/accounts/${account.id}`}
                        fields={{ disabled: account.disabled ? '0' : '1' }}
                        label={account.disabled ? p.enable : p.disable}
                      />
                      {!account.requireTotp && <SmallPost t={t} action={`/admin/accounts/${account.id}`} fields={{ requireTotp: '1' }} label={p.requireTotp} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{p.createTitle}</h2>
      <form method="post" action="/admin/accounts" class="card" data-once>
        <input type="hidden" name="lang" value={t.locale} />
        <div class="field">
          <label class="title" for="a-email">
            {p.email}
          </label>
          <input type="email" id="a-email" name="email" value={draft.email ?? ''} required maxlength={254} autocomplete="off" />
        </div>
        <div class="field">
          <label class="title" for="a-role">
            {p.role}
          </label>
          <select id="a-role" name="role" required>
            <option value="">{a.choose}</option>
            {roles.map((role) => (
              <option value={role} selected={draft.role === role}>
                {a.roles[role]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="title" for="a-school">
            {p.school}
          </label>
          <p class="hint" id="a-school-hint">
            {p.schoolHint}
          </p>
          <SchoolSelect t={t} id="a-school" schools={schools} selected={draft.school} withNone />
        </div>
        <button type="submit" class="button">
          {p.create}
        </button>
      </form>
    </StaffFrame>
  )
}

export interface InformantDraft {
  label?: string
  role?: string
  school?: string
}

export function InformantCodesPage({
  t,
  email,
  codes,
  schools,
  problem,
  draft = {},
  issued,
  revoked,
}: {
  t: Catalog
  email: string
  codes: InformantCodeRow[]
  schools: PublicSchool[]
  problem?: StaffProblem | undefined
  draft?: InformantDraft
  issued?: { code: string; label: string } | undefined
  revoked?: boolean
}) {
  const a = t.staff.admin
  const p = a.informantCodes
  return (
    <StaffFrame t={t} title={p.title} email={email} admin togglePath="/admin/informant-codes">
      <h1>{p.title}</h1>
      <p class="lead">{p.intro}</p>
      <Problems t={t} problem={problem} />
      {revoked && <p class="notice">{p.revokedDone}</p>}
      {issued && (
        <>
          <p class="notice">{p.issued(issued.label)}</p>
          <ShownOnce label={p.code} code={issued.code} notes={[p.codeNote, p.nameNote]} />
        </>
      )}
      <h2>{p.listTitle}</h2>
      {codes.length === 0 ? (
        <p class="notice">{p.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">{p.label}</th>
                <th scope="col">{p.role}</th>
                <th scope="col">{p.school}</th>
                <th scope="col">{p.status}</th>
                <th scope="col">
                  <span class="visually-hidden">{p.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr>
                  <td>{code.label}</td>
                  <td>{a.informantRoles[code.role]}</td>
                  <td>{code.school ?? a.none}</td>
                  <td>{code.active ? p.active : p.revoked}</td>
                  <td>{code.active && <SmallPost t={t} action={`/admin/informant-codes/${code.id}/revoke`} fields={{}} label={p.revoke} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{p.issueTitle}</h2>
      <p>{p.nameNote}</p>
      <form method="post" action="/admin/informant-codes" class="card" data-once>
        <input type="hidden" name="lang" value={t.locale} />
        <div class="field">
          <label class="title" for="i-school">
            {p.school}
          </label>
          <SchoolSelect t={t} id="i-school" schools={schools} selected={draft.school} withNone={false} />
        </div>
        <div class="field">
          <label class="title" for="i-role">
            {p.role}
          </label>
          <select id="i-role" name="role" required>
            {informantRoles.map((role) => (
              <option value={role} selected={draft.role === role}>
                {a.informantRoles[role]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="title" for="i-label">
            {p.label}
          </label>
          <p class="hint" id="i-label-hint">
            {p.labelHint}
          </p>
          <input type="text" id="i-label" name="label" value={draft.label ?? ''} required maxlength={64} autocomplete="off" aria-describedby="i-label-hint" />
        </div>
        <button type="submit" class="button">
          {p.issue}
        </button>
      </form>
    </StaffFrame>
  )
}

export function SchoolsPage({ t, email, schools }: { t: Catalog; email: string; schools: PublicSchool[] }) {
  const p = t.staff.admin.schools
  return (
    <StaffFrame t={t} title={p.title} email={email} admin togglePath="/admin/schools">
      <h1>{p.title}</h1>
      <p class="lead">{p.intro}</p>
      {schools.length === 0 ? (
        <p class="notice">{p.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">{p.code}</th>
                <th scope="col">{p.name}</th>
                <th scope="col">{p.poster}</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => (
                <tr>
                  <td>{s.code}</td>
                  <td>{s.name}</td>
                  <td>
                    <a href={`/s/${encodeURIComponent(s.code)}/poster?lang=${t.locale}`}>{p.posterLink(s.code)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  )
}
