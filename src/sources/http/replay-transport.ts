/**
 * A fetch that replays recorded responses and refuses everything else, so tests of live connectors cannot reach the
 * network. Recordings for one URL are served in order; a recording can also be a fault (a timeout, a connection reset
 * before the response or in the middle of its body), so a test can replay "429, 500, timeout, reset, then success".
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FetchInit, FetchLike, FetchResponse } from './http-client.ts';

export type Fault = 'timeout' | 'reset' | 'reset-mid-body';

export interface Recording {
  /** GET when absent. */
  method?: string;
  url: string;
  /** 200 when absent. */
  status?: number;
  headers?: Record<string, string>;
  /** The body as sent; a non-string value is sent as its JSON text. */
  body?: unknown;
  /** Replays a failure instead of (or, for reset-mid-body, part way through) the response. */
  fault?: Fault;
}

export interface ReplayedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
}

export type ReplayTransport = FetchLike & {
  /** Every request made, in order (refused ones included). */
  readonly calls: ReplayedCall[];
  /** Recordings not yet served: a test that expects every page fetched asserts this is empty. */
  pending(): Recording[];
};

const recordingSchema = z.strictObject({
  method: z.string().optional(),
  url: z.url(),
  status: z.number().int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  fault: z.enum(['timeout', 'reset', 'reset-mid-body']).optional(),
});

/** Reads a JSON array of recordings (a fixture file). */
export async function recordingsFromFile(path: string): Promise<Recording[]> {
  return z.array(recordingSchema).parse(JSON.parse(await readFile(path, 'utf8')));
}

/** Connection errors shaped like undici's: a TypeError whose cause carries the system error code. */
function networkError(message: string, code: string, causeMessage: string): TypeError {
  return new TypeError(message, { cause: Object.assign(new Error(causeMessage), { code }) });
}

export function replayTransport(recordings: readonly Recording[]): ReplayTransport {
  const queues = new Map<string, Recording[]>();
  for (const r of recordings) {
    const key = `${(r.method ?? 'GET').toUpperCase()} ${r.url}`;
    const queue = queues.get(key) ?? [];
    queue.push(r);
    queues.set(key, queue);
  }
  const calls: ReplayedCall[] = [];

  const replay = async (url: string, init: FetchInit): Promise<FetchResponse> => {
    const method = init.method.toUpperCase();
    calls.push({ method, url, headers: { ...init.headers } });
    const recording = queues.get(`${method} ${url}`)?.shift();
    if (!recording) {
      throw Object.assign(new Error(`connection refused: ${url} is not recorded`), { code: 'ECONNREFUSED' });
    }
    if (recording.fault === 'timeout') {
      // Never answers: only the caller's abort (its timeout) ends the wait, as with a server that hangs.
      return new Promise<FetchResponse>((_, reject) => {
        const abort = () => reject(init.signal.reason ?? new Error('aborted'));
        if (init.signal.aborted) abort();
        else init.signal.addEventListener('abort', abort, { once: true });
      });
    }
    if (recording.fault === 'reset') throw networkError('fetch failed', 'ECONNRESET', 'read ECONNRESET');
    const body =
      recording.body === undefined
        ? ''
        : typeof recording.body === 'string'
          ? recording.body
          : JSON.stringify(recording.body);
    const cutOff = recording.fault === 'reset-mid-body';
    return {
      status: recording.status ?? 200,
      statusText: '',
      headers: new Headers(recording.headers ?? {}),
      // Headers and the first bytes arrived; the socket closed before the rest (undici reports "terminated").
      text: async () => {
        if (cutOff) throw networkError('terminated', 'ECONNRESET', 'other side closed');
        return body;
      },
    };
  };

  return Object.assign(replay, {
    calls,
    pending: () => [...queues.values()].flat(),
  });
}

/** Faults to replay before a recording succeeds, in order: e.g. `faultsThen(page, [tooMany('7'), 500, 'timeout'])`. */
export function faultsThen(
  success: Recording,
  faults: readonly (Fault | number | Omit<Recording, 'url'>)[],
): Recording[] {
  const base = { method: success.method, url: success.url };
  const out = faults.map((f): Recording => {
    if (typeof f === 'number') return { ...base, status: f, body: `{"error":"status ${f}"}` };
    if (typeof f === 'string') return f === 'reset-mid-body' ? { ...success, fault: f } : { ...base, fault: f };
    return { ...base, ...f };
  });
  return [...out, success];
}

/** A 429 answer asking to come back after `retryAfter` (seconds, or an HTTP-date). */
export function tooManyRequests(retryAfter: string): Omit<Recording, 'url'> {
  return { status: 429, headers: { 'retry-after': retryAfter }, body: '{"error":"Too Many Requests"}' };
}
