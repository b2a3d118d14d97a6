/** A failure the caller can act on: dispatch turns it into `{ok: false, error: {code, message}}`. */
export class ApiError extends Error {
  /** `details`: what the window needs to word the error in its own language. */
  constructor(readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}
