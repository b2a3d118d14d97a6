/**
 * What a reading could not vouch for (src-shared/receipt/warnings.ts), kept with the receipt as
 * a JSON array so the review queue can put warned receipts first and say why. `warned` is
 * derived from it (a virtual column) so the queue's order, warned first and then newest, is an
 * index order: the pending page stays a walk down an index, not a sort of every pending receipt.
 */
export const migration0005 = `
ALTER TABLE receipts ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
ALTER TABLE receipts ADD COLUMN warned INTEGER GENERATED ALWAYS AS (warnings <> '[]') VIRTUAL;
CREATE INDEX receipts_state_review_queue ON receipts (state, review, warned, received_at);
CREATE INDEX receipts_review_queue ON receipts (review, warned, received_at);
`;
