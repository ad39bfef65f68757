/**
 * A structured log sink. Lines are plain objects so a host decides the format (JSON lines on Node,
 * console on Workers) and tests can capture them.
 *
 * Anonymity rule: a line never carries an IP address, user agent, referrer, cookie, receipt or tip text.
 */
export type LogLine = Record<string, unknown> & { level?: 'debug' | 'info' | 'warn' | 'error'; msg?: string }
export type Logger = (line: LogLine) => void

/** Writes one JSON line per entry to the given writer (stdout by default on hosts). */
export const jsonLogger =
  (write: (text: string) => void): Logger =>
  (line) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...line })}\n`)

/** Discards everything; for tests that do not look at logs. */
export const silentLogger: Logger = () => {}
