/**
 * A drop sent from a browser arrives in slices (50 files / 24 MB each): what the window meant to
 * send is recorded first, each file ticked off as it arrives, and the send closed at the end. A
 * send left open (the window closed or the connection lost half-way) says how many files
 * arrived and which did not, and the same files dropped again complete it.
 */
export const migration0007 = `
CREATE TABLE batch_sends (
  batch_id   INTEGER PRIMARY KEY REFERENCES batches (id) ON DELETE CASCADE,
  started_at TEXT    NOT NULL,
  last_at    TEXT    NOT NULL,
  ended      INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0, 1))
) STRICT;
CREATE INDEX batch_sends_open ON batch_sends (last_at) WHERE ended = 0;

CREATE TABLE batch_send_files (
  batch_id INTEGER NOT NULL REFERENCES batch_sends (batch_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT    NOT NULL,
  size     INTEGER NOT NULL,
  arrived  INTEGER NOT NULL DEFAULT 0 CHECK (arrived IN (0, 1)),
  PRIMARY KEY (batch_id, position)
) STRICT;
CREATE INDEX batch_send_files_waiting ON batch_send_files (batch_id, name, size) WHERE arrived = 0;
`;
