import type { Logger } from '../http/logger'

/** A job run on an interval that never overlaps itself and can be stopped, waiting for a run in flight. */
export interface RepeatingJob {
  stop(): Promise<void>
}

/**
 * Runs `job` every `everyMs` on a Node timer. A run that takes longer than the interval is not started
 * again until it finished (a slow remote database must not pile up sweeps); a run that throws is logged by
 * name only and the next one goes ahead. The timer is unref'd, so it never keeps a process alive alone.
 *
 * @example
 * const sweep = repeat('deadline sweep', 60_000, () => runDeadlineSweep(services, new Date()), log)
 * await sweep.stop()
 */
export function repeat(name: string, everyMs: number, job: () => Promise<unknown>, log: Logger): RepeatingJob {
  let running: Promise<void> | undefined
  let stopped = false
  const tick = () => {
    if (running || stopped) return
    running = job()
      .then(() => undefined)
      .catch((error: unknown) => log({ level: 'error', msg: `${name} failed`, error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
