export const MINIMUM: string;
export const FOR_ELECTRON: string;
export function atLeast(version: string, min: string): boolean;
export function tooOld(version?: string): string | null;
export function olderThanElectronWants(version?: string): string | null;
