/** Risk levels, most severe first. See shared RISK-RUBRIC.md. */
export const levels = ['critical', 'high', 'medium', 'low'] as const
export type Level = (typeof levels)[number]

export const categories = [
  'physical',
  'verbal',
  'social',
  'cyber',
  'extortion',
  'sexual',
  'self_harm',
  'weapon',
  'threat',
  'hazard',
  'other',
] as const
export type Category = (typeof categories)[number]

export const reporterKinds = ['student', 'informant', 'staff', 'parent'] as const
export type ReporterKind = (typeof reporterKinds)[number]

export const MAX_TIP_CHARS = 5000

/** One warning sign (or a modifier that moved the level), with the span of the original text that fired. */
export interface Signal {
  id: string
  category: Category
  weight: number
  match: { start: number; end: number; text: string }
}

export interface ScoreResult {
  level: Level
  /** 0–100, monotonic with level: critical ≥ 75, high 50–74, medium 25–49, low < 25. */
  score: number
  categories: Category[]
  signals: Signal[]
  scorerVersion: string
}
