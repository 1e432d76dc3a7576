// The public API's fixed-window rate limit: each client may make `limit` requests per
// minute; the minute is the wall-clock minute, the same on every app server.

export const RATE_LIMIT_WINDOW_SECONDS = 60;

export interface RateLimitWindow {
  start: Date;
  end: Date;
}

export function rateLimitWindowAt(now: Date): RateLimitWindow {
  const windowMs = RATE_LIMIT_WINDOW_SECONDS * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), end: new Date(start + windowMs) };
}

/** Whole seconds until the window ends (at least 1): the Retry-After header. */
export function secondsUntilWindowEnds(window: RateLimitWindow, now: Date): number {
  return Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));
}
