/**
 * The window's filtered pages, newest first, over a long history: measured at 53 ms for a page
 * of 50 "done, pending review" among 100,000 receipts without these, well under 1 ms with them
 * (npm run bench:history).
 */
export const migration0003 = `
CREATE INDEX receipts_state_review_received ON receipts (state, review, received_at);
CREATE INDEX receipts_review_received ON receipts (review, received_at);
`;
