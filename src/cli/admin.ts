import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { AccountInputError, checkRoleSchool, createAccount, findStaffByEmail, oneTimePassword } from '../auth/accounts'
import { hashPassword } from '../auth/password'
import { type Role, roles } from '../auth/roles'
import { loadConfig } from '../config'
import { GroupCommitWriter } from '../db/group-commit'
import { applyMigrations, openDatabase } from '../hosts/node-db'
import { schoolByCode } from '../staff/staff.routes'

const USAGE = 'usage: npm run admin -- create-user --email <email> --role <counselor|legal_vp|district_admin> [--school CODE]'

/**
 * `npm run admin -- create-user …`: creates a staff account in the configured database and returns the
 * one-time password to hand over (the account must change it at first sign-in). The creation is a
 * `staff.created` ledger event by `system`.
 *
 * @example
 * await adminCommand(['create-user', '--email', 'li@qx.edu.cn', '--role', 'counselor', '--school', 'QX-P03'], process.env)
 * // 'created counselor li@qx.edu.cn (QX-P03); one-time password: Q7K3-M9XA-1B2C-3D4E'
 */
export async function adminCommand(argv: string[], env: Record<string, string | undefined>): Promise<string> {
  const [command, ...rest] = argv
  if (command !== 'create-user') throw new Error(USAGE)
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, role: { type: 'string' }, school: { type: 'string' } } })
  if (!values.email || !values.role || !(roles as readonly string[]).includes(values.role)) throw new Error(USAGE)
  const role = values.role as Role
  const config = loadConfig(env)
  const url = config.DATABASE_URL ?? `file:${join(resolve(config.DATA_DIR), 'tipline.db')}`
  const { db, client } = await openDatabase({ url, authToken: config.DATABASE_AUTH_TOKEN })
  try {
    await applyMigrations(db)
    const school = await schoolByCode(db, values.school ?? null).catch(() => {
      throw new Error(`no school with code ${values.school}`)
    })
    try {
      checkRoleSchool(role, school?.code ?? null)
    } catch (error) {
      if (error instanceof AccountInputError) throw new Error(error.message)
      throw error
    }
    if (await findStaffByEmail(db, values.email)) throw new Error(`an account with email ${values.email} exists`)
    const password = oneTimePassword()
    const passwordHash = await hashPassword(password, { iterations: config.PASSWORD_ITERATIONS })
    const writer = new GroupCommitWriter({ db })
    await writer.submit(createAccount({ email: values.email, role, school, passwordHash, mustChangePassword: true, actor: 'system', at: new Date() }))
    await writer.close()
    return `created ${role} ${values.email.trim().toLowerCase()} (${school?.code ?? 'district'}); one-time password: ${password}`
  } finally {
    client.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  adminCommand(process.argv.slice(2), process.env).then(
    (line) => process.stdout.write(`${line}\n`),
    (error: unknown) => {
      process.stderr.write(`admin: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    },
  )
}
