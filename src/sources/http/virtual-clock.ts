/**
 * A virtual clock for tests of live connectors: `sleep` returns at once and moves `now` forward, and every wait is
 * recorded, so a test can assert what the client waited (Retry-After, backoff, pacing) without waiting for it.
 */
export interface VirtualClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order, in milliseconds. */
  readonly waits: number[];
}

export function virtualClock(startMs = Date.UTC(2026, 10, 29, 12, 0, 0)): VirtualClock {
  let t = startMs;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += Math.max(0, ms);
    },
    waits,
  };
}
