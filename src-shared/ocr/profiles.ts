/**
 * Engine profiles: the speed/accuracy trade-off an operator picks.
 * Which models a profile uses is decided by models/manifest.json (so a new recogniser drops
 * in without code changes); how the pipeline runs them is decided here.
 * The figures behind these defaults are in docs/benchmarks.md.
 */
export const PROFILE_NAMES = ['fast', 'balanced', 'accurate'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const DEFAULT_PROFILE: ProfileName = 'balanced';

export interface ProfileSettings {
  /** Longest side of the detector input in pixels (rounded down to a multiple of 32). */
  detLimitSide: number;
  /** Probability above which a pixel of the detector map is text. */
  detThreshold: number;
  /** Minimum mean probability inside a box for it to be kept. */
  boxThreshold: number;
  /** How far boxes are grown around the shrunk text kernel the detector predicts. */
  unclipRatio: number;
  /** Run the 0/180 degree classifier and turn upside-down lines before recognition. */
  useAngleClassifier: boolean;
}

export const PROFILES: Record<ProfileName, ProfileSettings> = {
  // Phone screenshots carry large, clean text: a small detector input still finds every line.
  fast: { detLimitSide: 640, detThreshold: 0.3, boxThreshold: 0.5, unclipRatio: 1.6, useAngleClassifier: false },
  balanced: { detLimitSide: 960, detThreshold: 0.3, boxThreshold: 0.5, unclipRatio: 1.6, useAngleClassifier: false },
  // Scans, photos and tiny grey text: more detector pixels, and lines read upside down are turned.
  accurate: { detLimitSide: 1280, detThreshold: 0.3, boxThreshold: 0.5, unclipRatio: 1.6, useAngleClassifier: true },
};

export const isProfileName = (value: string): value is ProfileName =>
  (PROFILE_NAMES as readonly string[]).includes(value);
