/**
 * What a reading could not vouch for (src-shared/receipt/warnings.ts), kept with the receipt as
 * a JSON array so the review queue can put warned receipts first and say why. The partial index
 * serves that queue: the pending receipts with warnings, newest first.
 */
export const migration0005 = `
ALTER TABLE receipts ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
CREATE INDEX receipts_warned ON receipts (received_at) WHERE warnings <> '[]' AND review = 'pending';
`;
