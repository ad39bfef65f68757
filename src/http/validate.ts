import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type * as z from 'zod'
import { ApiError } from './errors'

/**
 * zValidator that turns the first zod issue into the shared 400 error naming the field, so every route
 * reports bad input the same way.
 *
 * @example
 * route.post('/', validate('json', z.object({ text: z.string() })), (c) => c.json(c.req.valid('json')))
 */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (result.success) return
    const issue = result.error.issues[0]
    const field = issue?.path.map(String).join('.') || undefined
    const message = issue ? describeIssue(issue, field) : 'Invalid request'
    throw new ApiError(400, 'invalid_input', message, field)
  })

function describeIssue(issue: z.core.$ZodIssue, field: string | undefined): string {
  const subject = field ? `"${field}"` : 'The request body'
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${subject} is required`
  return `${subject}: ${issue.message}`
}
