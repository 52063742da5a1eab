/** The Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */

/**
 * Milliseconds to wait that a Retry-After value asks for, measured from `nowMs`; null when the value is absent or
 * unreadable (the caller then falls back to its own backoff). A date in the past means "now": 0.
 */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with its weekday ("Wed, 21 Oct 2015 07:28:00 GMT", "Wednesday, 21-Oct-15 …",
  // "Wed Oct 21 07:28:00 2015"); anything else ("1.5", "-3", "soon") is neither form and is not guessed at.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - nowMs);
}
