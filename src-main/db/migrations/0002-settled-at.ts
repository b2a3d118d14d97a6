/** When a receipt last reached done or failed: the dashboard's error rate needs failures in time. */
export const migration0002 = `
ALTER TABLE receipts ADD COLUMN settled_at TEXT;
CREATE INDEX receipts_settled ON receipts (settled_at) WHERE settled_at IS NOT NULL;
`;
