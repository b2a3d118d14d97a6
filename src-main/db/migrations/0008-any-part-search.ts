/**
 * Search by any part: operators are told "the last 6 digits" of a reference by payers and
 * banks, a cédula, the end of a phone number, a word of the concept. One trigram full-text index
 * holds, per receipt, its file name (the WhatsApp sender's name is in it), payee, reference,
 * phone, cédula, fiscal id and concept, as corrected; identifiers also without their separators
 * ("V-12.345.678" is found by "12345678"). It replaces migration 4's index of names.
 *
 * Row ids are derived from the receipt's: id * 8 + slot (0 the file name, 1 payee, 2 reference,
 * 3 phone, 4 cédula, 5 fiscal id, 6 concept), so the triggers keep the index in step with plain
 * rowid writes and deletes.
 */
const SLOT = `CASE name WHEN 'beneficiario' THEN 1 WHEN 'referencia' THEN 2 WHEN 'telefono' THEN 3 WHEN 'cedula' THEN 4 WHEN 'identificador_fiscal' THEN 5 WHEN 'concepto' THEN 6 END`;
const NAMES = `('beneficiario', 'referencia', 'telefono', 'cedula', 'identificador_fiscal', 'concepto')`;
/** The value as searched: as read or corrected, then once more without separators. */
const TEXT = (v: string) => `${v} || ' ' || replace(replace(replace(replace(${v}, '-', ''), '.', ''), ' ', ''), '/', '')`;

const slotOf = (prefix: string) => SLOT.replace('CASE name', `CASE ${prefix}.name`);

export const migration0008 = `
DROP TRIGGER receipt_names_add;
DROP TRIGGER receipt_names_drop;
DROP TRIGGER payee_name_add;
DROP TRIGGER payee_name_change;
DROP TRIGGER payee_name_drop;
DROP TABLE receipt_names;

CREATE VIRTUAL TABLE receipt_search USING fts5 (text, tokenize = 'trigram remove_diacritics 1');

INSERT INTO receipt_search (rowid, text) SELECT id * 8, original_name FROM receipts;
INSERT INTO receipt_search (rowid, text)
  SELECT receipt_id * 8 + ${SLOT}, ${TEXT('coalesce(corrected, value)')} FROM fields WHERE name IN ${NAMES};

CREATE TRIGGER receipt_search_add AFTER INSERT ON receipts BEGIN
  INSERT INTO receipt_search (rowid, text) VALUES (new.id * 8, new.original_name);
END;
CREATE TRIGGER receipt_search_drop AFTER DELETE ON receipts BEGIN
  DELETE FROM receipt_search WHERE rowid BETWEEN old.id * 8 AND old.id * 8 + 7;
END;
CREATE TRIGGER field_search_add AFTER INSERT ON fields WHEN new.name IN ${NAMES} BEGIN
  INSERT OR REPLACE INTO receipt_search (rowid, text) VALUES (new.receipt_id * 8 + ${slotOf('new')}, ${TEXT('coalesce(new.corrected, new.value)')});
END;
CREATE TRIGGER field_search_change AFTER UPDATE OF value, corrected ON fields WHEN new.name IN ${NAMES} BEGIN
  INSERT OR REPLACE INTO receipt_search (rowid, text) VALUES (new.receipt_id * 8 + ${slotOf('new')}, ${TEXT('coalesce(new.corrected, new.value)')});
END;
CREATE TRIGGER field_search_drop AFTER DELETE ON fields WHEN old.name IN ${NAMES} BEGIN
  DELETE FROM receipt_search WHERE rowid = old.receipt_id * 8 + ${slotOf('old')};
END;
`;
