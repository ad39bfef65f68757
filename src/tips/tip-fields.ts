/** Where it happened, as the reporter picks it; trends count by these. */
export const places = [
  'classroom',
  'corridor',
  'toilet',
  'playground',
  'dormitory',
  'canteen',
  'school_gate',
  'way_to_school',
  'online',
  'off_campus',
  'other',
] as const
export type Place = (typeof places)[number]

/** How a tip arrived. Only the web form exists today; the column is there for hotline and poster QR intake. */
export const channels = ['web'] as const
export type Channel = (typeof channels)[number]

/** The languages reporter-facing text comes in; a tip's language is detected from its text. */
export const languages = ['zh', 'en'] as const
export type Language = (typeof languages)[number]

/** `when` is free text ("yesterday after PE"), bounded so it stays a time and not a second tip. */
export const MAX_WHEN_CHARS = 200
