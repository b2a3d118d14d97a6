/**
 * The operator's settings for one data folder, kept in its `settings` table (one JSON value per
 * key), so the window, the CLI and a restart all see the same ones. Unset keys fall back to the
 * start-up defaults the service was given (command line), then to the app's.
 */
import * as z from 'zod';
import { DEFAULT_PROFILE, PROFILE_NAMES, type ProfileName } from '../../src-shared/ocr/profiles';
import type { Db } from '../db/open';
import { putSettingValues, retentionEntry, retentionHours, settingValues } from '../db/settings';

/** What can be changed from the window (retention has its own functions, used by intake). */
const StoredSettingsSchema = z.object({
  profile: z.enum(PROFILE_NAMES),
  /** A folder whose new images are taken in as they arrive; null: none. */
  watchFolder: z.string().nullable(),
  /** OCR worker processes; null: one per core. */
  workers: z.number().int().min(1).max(64).nullable(),
  /** Inference threads per worker; null: the cores split between the workers. */
  threadsPerWorker: z.number().int().min(1).max(64).nullable(),
  /** Days after a receipt's date its credit may be booked (weekends, holidays, cut-off hours). */
  creditDays: z.number().int().min(0).max(15),
});
type StoredSettings = z.infer<typeof StoredSettingsSchema>;
export type Settings = StoredSettings & { retentionHours: number };

const KEYS = Object.keys(StoredSettingsSchema.shape) as (keyof StoredSettings)[];

/** Banks book most transfers the same day, some a weekend or a holiday later. */
const DEFAULT_CREDIT_DAYS = 3;

export interface SettingsDefaults {
  profile?: ProfileName;
  workers?: number;
}

export function readSettings(db: Db, defaults: SettingsDefaults = {}): Settings {
  const stored = settingValues(db, KEYS);
  const value = <K extends keyof StoredSettings>(key: K, fallback: StoredSettings[K]): StoredSettings[K] => {
    const raw = stored.get(key);
    if (raw === undefined) return fallback;
    // A value written by another version that no longer fits is ignored, not fatal.
    const parsed = StoredSettingsSchema.shape[key].safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as StoredSettings[K]) : fallback;
  };
  return {
    retentionHours: retentionHours(db),
    profile: value('profile', defaults.profile ?? DEFAULT_PROFILE),
    watchFolder: value('watchFolder', null),
    workers: value('workers', defaults.workers ?? null),
    threadsPerWorker: value('threadsPerWorker', null),
    creditDays: value('creditDays', DEFAULT_CREDIT_DAYS),
  };
}

/** Writes the keys given, in one transaction; the others keep their value. */
export function writeSettings(db: Db, change: Partial<Settings>): void {
  const entries = KEYS.filter((key) => change[key] !== undefined).map((key) => [key, JSON.stringify(StoredSettingsSchema.shape[key].parse(change[key]))] as const);
  putSettingValues(db, change.retentionHours === undefined ? entries : [retentionEntry(change.retentionHours), ...entries]);
}
