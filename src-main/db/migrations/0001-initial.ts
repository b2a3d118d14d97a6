/**
 * The first schema. JSON columns hold what is always read whole with its receipt (WhatsApp
 * metadata, an OCR run's lines and words, a field's box); what is searched or filtered has its
 * own column and index (state, dedupe key, expiry, field values).
 */
export const migration0001 = `
CREATE TABLE receipts (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT    NOT NULL UNIQUE,
  original_name TEXT    NOT NULL,
  ext           TEXT    NOT NULL,
  size_bytes    INTEGER NOT NULL,
  width         INTEGER,
  height        INTEGER,
  received_at   TEXT    NOT NULL,
  state         TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'processing', 'done', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  error_code    TEXT,
  error_message TEXT,
  metadata      TEXT    NOT NULL DEFAULT '{}',
  dedupe_key    TEXT,
  duplicate_of  INTEGER REFERENCES receipts (id) ON DELETE SET NULL,
  review        TEXT    NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'approved', 'flagged')),
  expires_at    TEXT    NOT NULL,
  pinned        INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
) STRICT;
CREATE INDEX receipts_queue ON receipts (state, id);
CREATE INDEX receipts_dedupe ON receipts (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX receipts_expiry ON receipts (expires_at) WHERE pinned = 0;
CREATE INDEX receipts_received ON receipts (received_at);

CREATE TABLE ocr_runs (
  id             INTEGER PRIMARY KEY,
  receipt_id     INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
  profile        TEXT    NOT NULL,
  models         TEXT    NOT NULL,
  rules_revision TEXT    NOT NULL,
  finished_at    TEXT    NOT NULL,
  timings        TEXT    NOT NULL,
  text           TEXT    NOT NULL,
  lines          TEXT    NOT NULL
) STRICT;
CREATE INDEX ocr_runs_receipt ON ocr_runs (receipt_id, id);
CREATE INDEX ocr_runs_finished ON ocr_runs (finished_at);

CREATE TABLE fields (
  receipt_id INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
  run_id     INTEGER NOT NULL REFERENCES ocr_runs (id) ON DELETE CASCADE,
  name       TEXT    NOT NULL,
  value      TEXT    NOT NULL,
  raw        TEXT    NOT NULL,
  confidence REAL    NOT NULL,
  box        TEXT    NOT NULL,
  source     TEXT    NOT NULL,
  currency   TEXT,
  bank_name  TEXT,
  note       TEXT,
  -- The operator's value, when corrected; the history is in corrections.
  corrected  TEXT,
  PRIMARY KEY (receipt_id, name)
) STRICT;
CREATE INDEX fields_by_value ON fields (name, value);
CREATE INDEX fields_by_corrected ON fields (name, corrected) WHERE corrected IS NOT NULL;

CREATE TABLE corrections (
  id         INTEGER PRIMARY KEY,
  receipt_id INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
  field      TEXT    NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  at         TEXT    NOT NULL
) STRICT;
CREATE INDEX corrections_receipt ON corrections (receipt_id, id);

CREATE TABLE batches (
  id         INTEGER PRIMARY KEY,
  created_at TEXT    NOT NULL,
  label      TEXT    NOT NULL,
  profile    TEXT    NOT NULL,
  state      TEXT    NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'paused', 'cancelled'))
) STRICT;

CREATE TABLE batch_items (
  batch_id    INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  receipt_id  INTEGER NOT NULL REFERENCES receipts (id) ON DELETE CASCADE,
  source_path TEXT    NOT NULL,
  -- The receipt was already known when this batch took it in: its result is reused.
  reused      INTEGER NOT NULL DEFAULT 0 CHECK (reused IN (0, 1)),
  PRIMARY KEY (batch_id, receipt_id)
) STRICT;
CREATE INDEX batch_items_receipt ON batch_items (receipt_id);

-- Per-install settings (retention hours...), JSON values.
CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- What retention removed: counts only, never contents.
CREATE TABLE sweeps (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL,
  as_of       TEXT    NOT NULL,
  receipts    INTEGER NOT NULL,
  runs        INTEGER NOT NULL,
  fields      INTEGER NOT NULL,
  corrections INTEGER NOT NULL,
  images      INTEGER NOT NULL
) STRICT;
`;
