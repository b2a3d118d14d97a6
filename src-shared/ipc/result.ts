/**
 * Errors cross process boundaries as data, never as throws (architecture rule 3).
 */
export interface AppError<Code extends string = string> {
  code: Code;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T, Code extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: AppError<Code> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <Code extends string>(
  code: Code,
  message: string,
  details?: Record<string, unknown>,
): Result<never, Code> => ({ ok: false, error: details ? { code, message, details } : { code, message } });
