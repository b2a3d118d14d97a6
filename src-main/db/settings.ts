/**
 * The `settings` table: one JSON value per key. What the keys mean and which values are valid is
 * the core's business (core/settings.ts); retention's hours live here because intake and the
 * sweep read them too.
 */
import type { Db } from './open';

const DEFAULT_RETENTION_HOURS = 24;
const RETENTION_KEY = 'retentionHours';

/** The stored JSON text of each of `keys` that has a value. */
export function settingValues(db: Db, keys: readonly string[]): Map<string, string> {
  if (keys.length === 0) return new Map();
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key IN (${keys.map(() => '?').join(', ')})`).all(...keys) as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Writes each key's JSON text, all or none. */
export function putSettingValues(db: Db, entries: readonly (readonly [key: string, json: string])[]): void {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, json] of entries) put.run(key, json);
  })();
}

/** Hours a receipt is kept (24 unless the install says otherwise). */
export function retentionHours(db: Db): number {
  const raw = settingValues(db, [RETENTION_KEY]).get(RETENTION_KEY);
  const hours = raw === undefined ? DEFAULT_RETENTION_HOURS : Number(JSON.parse(raw));
  return Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_RETENTION_HOURS;
}

/** The retention entry for putSettingValues; throws for hours that are not a positive number. */
export function retentionEntry(hours: number): readonly [string, string] {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`Retention must be a positive number of hours, not ${hours}`);
  return [RETENTION_KEY, JSON.stringify(hours)];
}

export const setRetentionHours = (db: Db, hours: number) => putSettingValues(db, [retentionEntry(hours)]);
