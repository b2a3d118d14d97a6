/**
 * Search by name: the payee (as corrected) and the file name (which carries the WhatsApp
 * sender's name) in a trigram full-text index, so part of a name is found without scanning the
 * history, accents and case aside ("rodriguez" finds "Rodríguez"). A LIKE scan of 100,000
 * receipts took 573 ms; see npm run bench:history for the figure with this index.
 *
 * Also an index of the possible duplicates by time received, for the window's "duplicates only"
 * filter (19 ms to count them by scanning 100,000 receipts).
 *
 * Row ids are derived from the receipt's: id * 2 is its file name, id * 2 + 1 its payee, so the
 * triggers keep the index in step with a plain rowid write or delete.
 */
export const migration0004 = `
CREATE INDEX receipts_duplicates ON receipts (received_at) WHERE duplicate_of IS NOT NULL;

CREATE VIRTUAL TABLE receipt_names USING fts5 (text, tokenize = 'trigram remove_diacritics 1');

INSERT INTO receipt_names (rowid, text) SELECT id * 2, original_name FROM receipts;
INSERT INTO receipt_names (rowid, text)
  SELECT receipt_id * 2 + 1, coalesce(corrected, value) FROM fields WHERE name = 'beneficiario';

CREATE TRIGGER receipt_names_add AFTER INSERT ON receipts BEGIN
  INSERT INTO receipt_names (rowid, text) VALUES (new.id * 2, new.original_name);
END;
CREATE TRIGGER receipt_names_drop AFTER DELETE ON receipts BEGIN
  DELETE FROM receipt_names WHERE rowid IN (old.id * 2, old.id * 2 + 1);
END;
CREATE TRIGGER payee_name_add AFTER INSERT ON fields WHEN new.name = 'beneficiario' BEGIN
  INSERT OR REPLACE INTO receipt_names (rowid, text) VALUES (new.receipt_id * 2 + 1, coalesce(new.corrected, new.value));
END;
CREATE TRIGGER payee_name_change AFTER UPDATE OF value, corrected ON fields WHEN new.name = 'beneficiario' BEGIN
  INSERT OR REPLACE INTO receipt_names (rowid, text) VALUES (new.receipt_id * 2 + 1, coalesce(new.corrected, new.value));
END;
CREATE TRIGGER payee_name_drop AFTER DELETE ON fields WHEN old.name = 'beneficiario' BEGIN
  DELETE FROM receipt_names WHERE rowid = old.receipt_id * 2 + 1;
END;
`;
