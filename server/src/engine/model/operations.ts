/** The shapes the spec gives runbooks (Part XXIV §3) and postmortems (Appendix D §3): their sections, in order. */

export const RUNBOOK_SECTIONS = ['Overview', 'Dependencies', 'Common Issues'] as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[number];

export const ISSUE_PARTS = ['Symptoms', 'Diagnosis', 'Resolution'] as const;
export type IssuePart = (typeof ISSUE_PARTS)[number];

export const POSTMORTEM_SECTIONS = ['Summary', 'Impact', 'Timeline', 'Root Cause', 'What Went Well', 'What Went Poorly', 'Action Items'] as const;
export type PostmortemSection = (typeof POSTMORTEM_SECTIONS)[number];
