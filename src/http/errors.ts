import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error body every API route answers with: `{ error: { code, message, field? } }`. */
export type ErrorBody = { error: { code: string; message: string; field?: string } }

/**
 * An error a handler throws to answer with a 4xx (or a deliberate 5xx) in the shared JSON shape.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'No such school', 'school')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...this.extra,
      },
    }
  }
}
