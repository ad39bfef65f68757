/**
 * A case's handling state. `new` until a person acknowledges it (which stops the first-response clock),
 * then `acknowledged` → `investigating` → `resolved`; `dismissed` closes it without a finding. Escalation
 * is a flag beside the status, not a status, because an escalated case still moves through the same steps.
 */
export const caseStatuses = ['new', 'acknowledged', 'investigating', 'resolved', 'dismissed'] as const
export type CaseStatus = (typeof caseStatuses)[number]
