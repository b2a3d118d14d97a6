/**
 * Engine profiles: the speed/accuracy trade-off an operator picks.
 * Which models a profile uses is decided by models/manifest.json (so a new recogniser drops
 * in without code changes); how the pipeline runs them is decided here.
 *
 * Detection sizes itself to the text: a first pass at `detFirstSide` measures how tall the
 * text is; phone screenshots (large, clean text) stop there, while scans and photos whose
 * text is smaller than `detMinTextPx` in that pass are detected again, enlarged until their
 * median text reaches `detTargetTextPx`, within `detMaxSide`. Bands whose text is still too
 * small, or that no box covers (tall captures, desktop pages), get their own closer passes
 * within `detBandBudgetPx` (src-main/ocr/worker/pipeline/detection/text-bands.ts).
 * Figures behind these defaults: docs/benchmarks.md.
 */
export const PROFILE_NAMES = ['fast', 'balanced', 'accurate'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const DEFAULT_PROFILE: ProfileName = 'balanced';

export interface ProfileSettings {
  /** Longest side of the first detector pass, in pixels (rounded to a multiple of 32). */
  detFirstSide: number;
  /** Longest side the detector may be given when the text is small. */
  detMaxSide: number;
  /** Median box height (detector pixels) under which the page is detected again, larger. */
  detMinTextPx: number;
  /** Median box height the second pass aims for. */
  detTargetTextPx: number;
  /** Detector pixels all closer passes over small-text bands may use together, per page. */
  detBandBudgetPx: number;
  /** Probability above which a pixel of the detector map is text. */
  detThreshold: number;
  /** Minimum mean probability inside a box for it to be kept. */
  boxThreshold: number;
  /** How far boxes are grown around the shrunk text kernel the detector predicts. */
  unclipRatio: number;
  /** Run the 0/180 degree classifier and turn upside-down lines before recognition. */
  useAngleClassifier: boolean;
}

const common = { detThreshold: 0.3, boxThreshold: 0.5, unclipRatio: 1.5 };

export const PROFILES: Record<ProfileName, ProfileSettings> = {
  // A smaller first pass (every phone reference still read), refined only for very small text.
  fast: { ...common, detFirstSide: 416, detMaxSide: 736, detMinTextPx: 12, detTargetTextPx: 18, detBandBudgetPx: 600_000, useAngleClassifier: false },
  balanced: { ...common, detFirstSide: 480, detMaxSide: 960, detMinTextPx: 16, detTargetTextPx: 22, detBandBudgetPx: 1_200_000, useAngleClassifier: false },
  // Scans, photos and tiny grey text: more detector pixels, and lines read upside down are turned.
  accurate: { ...common, detFirstSide: 640, detMaxSide: 1280, detMinTextPx: 20, detTargetTextPx: 26, detBandBudgetPx: 2_500_000, useAngleClassifier: true },
};

export const isProfileName = (value: string): value is ProfileName =>
  (PROFILE_NAMES as readonly string[]).includes(value);
