/** The retention policy's one stored setting: hours a receipt is kept (settings key "retentionHours"). */
import type { Db } from './open';

export const DEFAULT_RETENTION_HOURS = 24;

/** Hours a receipt is kept (24 unless the install says otherwise). */
export function retentionHours(db: Db): number {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'retentionHours'").get() as { value: string } | undefined;
  const hours = row ? Number(JSON.parse(row.value)) : DEFAULT_RETENTION_HOURS;
  return Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_RETENTION_HOURS;
}

export function setRetentionHours(db: Db, hours: number): void {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`Retention must be a positive number of hours, not ${hours}`);
  db.prepare("INSERT INTO settings (key, value) VALUES ('retentionHours', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(hours));
}
