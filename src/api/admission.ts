/**
 * Admission control for the uncached API: at most `concurrent` requests compute at once, at most `queue` wait, and
 * none waits past its deadline. Past either bound the answer is a fast 503 with Retry-After, so a flood of heavy
 * requests cannot make every request (cached and light ones included) wait without end.
 */
import type { MiddlewareHandler } from 'hono';

export interface AdmissionOptions {
  /** Requests computing at once (about the database's read connections). */
  concurrent: number;
  /** Requests waiting for a slot; one more is refused at once. */
  queue: number;
  /** How long a request may wait for a slot before it is refused (milliseconds). */
  waitMs: number;
}

/** Per pool (analytics, lookups): about the server's four read connections at work, a queue, a deadline. */
export const DEFAULT_ADMISSION: AdmissionOptions = { concurrent: 4, queue: 32, waitMs: 5_000 };

export function admission(options: AdmissionOptions = DEFAULT_ADMISSION): MiddlewareHandler {
  let running = 0;
  const waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.grant();
    } else {
      running--;
    }
  };
  const busy = (reason: string, retryAfter: number) =>
    new Response(JSON.stringify({ error: `server busy: ${reason}; retry in ${retryAfter} s` }), {
      status: 503,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(retryAfter),
        'x-content-type-options': 'nosniff',
      },
    });
  return async (c, next) => {
    if (running >= options.concurrent) {
      if (waiting.length >= options.queue) return busy(`${options.queue} requests already waiting`, 2);
      const admitted = await new Promise<boolean>((resolve) => {
        const entry = {
          grant: () => resolve(true),
          timer: setTimeout(() => {
            const i = waiting.indexOf(entry);
            if (i >= 0) waiting.splice(i, 1);
            resolve(false);
          }, options.waitMs),
        };
        waiting.push(entry);
      });
      if (!admitted) return busy(`no slot within ${options.waitMs / 1000} s`, Math.ceil(options.waitMs / 1000));
      // The slot was handed over by release(): `running` already counts it.
    } else {
      running++;
    }
    try {
      await next();
    } finally {
      release();
    }
    return undefined;
  };
}
