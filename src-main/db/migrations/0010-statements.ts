/**
 * Bank statements and what they prove (issue 43): each imported file once (by its bytes'
 * sha256), its movements, and one reconciliation decision per receipt, with the movement that
 * decides it and why. Statements expire as receipts do, taking their movements; a decision goes
 * with its receipt.
 */
export const migration0010 = `
CREATE TABLE statements (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT    NOT NULL UNIQUE,
  file_name   TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  imported_at TEXT    NOT NULL,
  expires_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX statements_expiry ON statements (expires_at);

CREATE TABLE movements (
  id           INTEGER PRIMARY KEY,
  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  line         INTEGER NOT NULL,
  date         TEXT    NOT NULL,
  reference    TEXT    NOT NULL,
  description  TEXT    NOT NULL,
  amount       TEXT    NOT NULL,
  direction    TEXT    NOT NULL CHECK (direction IN ('credit', 'debit')),
  UNIQUE (statement_id, line)
) STRICT;

CREATE TABLE reconciliations (
  receipt_id  INTEGER PRIMARY KEY REFERENCES receipts (id) ON DELETE CASCADE,
  verdict     TEXT    NOT NULL CHECK (verdict IN ('verified', 'amount_mismatch', 'not_found', 'duplicate_claim')),
  movement_id INTEGER REFERENCES movements (id) ON DELETE SET NULL,
  why         TEXT    NOT NULL,
  decided_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX reconciliations_verdict ON reconciliations (verdict);
`;
