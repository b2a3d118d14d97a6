/**
 * The operator's column mappings for statement tables (issue 43), by the shape of the header
 * they were made for: next month's export of the same bank is read with them at once. Header
 * words only, no payment data, so they are kept past the retention policy, like settings.
 */
export const migration0011 = `
CREATE TABLE statement_mappings (
  shape    TEXT NOT NULL PRIMARY KEY,
  mapping  TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;
`;
