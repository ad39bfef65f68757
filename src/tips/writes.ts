import type { Services } from '../app-env'
import { ApiError } from '../http/errors'

/**
 * Waits for a group-committed write and turns a failure into a 503 the reporter can act on ("try again"),
 * logging only that it happened: the error text of a failed insert can quote the values it carried.
 *
 * @example
 * const { reference } = await committed(services, writer.submit(unit))
 */
export async function committed<T>(services: Pick<Services, 'log'>, write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (error) {
    services.log({ level: 'error', msg: 'write failed', error: error instanceof Error ? error.name : 'unknown' })
    throw new ApiError(503, 'not_saved', 'We could not save this just now. Nothing was sent. Please try again in a moment.')
  }
}
