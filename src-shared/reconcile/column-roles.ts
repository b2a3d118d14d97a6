/**
 * The roles a statement table's columns play, in the order the window offers them. A mapping
 * gives each role at most one column (0-based); money is a debit and a credit column, or one
 * signed amount.
 */
export const COLUMN_ROLES = ['date', 'reference', 'description', 'concept', 'credit', 'debit', 'amount', 'balance'] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Which column (0-based) plays each role; a role no column plays is absent. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;
