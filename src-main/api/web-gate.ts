/**
 * What the browser host checks before it parses anything a request or a WebSocket frame carries.
 * Every function here returns null for input it refuses, never throws: the host answers a 4xx or
 * closes the socket instead of crashing on a request crafted to make `new URL`, `JSON.parse` or
 * `timingSafeEqual` throw.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/** 24 random bytes, base64url: 32 characters of [A-Za-z0-9_-]. */
export const newToken = () => randomBytes(24).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** Longest request target the host reads; anything longer is refused before it is parsed. */
const MAX_TARGET_CHARS = 4096;

/**
 * The path and query of a request target in origin form (`/ipc?token=…`). Absolute form
 * (`http://host:99999/ipc`), which only proxies send, and anything that does not parse are refused.
 */
export function requestTarget(target: string | undefined): URL | null {
  if (!target || target.length > MAX_TARGET_CHARS || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** Constant-time comparison of a presented token with the host's, once its shape is right. */
export function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null || !TOKEN_SHAPE.test(presented)) return false;
  return timingSafeEqual(Buffer.from(presented, 'ascii'), Buffer.from(token, 'ascii'));
}

const Frame = z.object({
  id: z.union([z.number().int().safe(), z.string().max(64)]),
  channel: z.string().max(64),
  payload: z.unknown().optional(),
});
export type Frame = z.infer<typeof Frame>;

/** A contract call as the renderer sends it, or null for text that is not one. */
export function parseFrame(text: string): Frame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const frame = Frame.safeParse(value);
  return frame.success ? frame.data : null;
}
