/**
 * School kinds in a Chinese district: 九年一贯制 (nine-year) schools run primary and middle school together.
 * Kindergartens are listed so the district's 28 can be added, though the demo seeds only the 14 schools.
 */
export const schoolKinds = ['high', 'nine_year', 'middle', 'primary', 'kindergarten'] as const
export type SchoolKind = (typeof schoolKinds)[number]

/** Who an informant code belongs to: a registered student informant (信息员) or safety officer (安全员). */
export const informantRoles = ['student_informant', 'safety_officer'] as const
export type InformantRole = (typeof informantRoles)[number]
