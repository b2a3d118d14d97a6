export function whatFailed(output: string): string;
export function offlineParagraph(reason: string): string;
export function electronBinary(opts?: { env?: NodeJS.ProcessEnv }): { ok: true; path: string } | { ok: false; message: string };
