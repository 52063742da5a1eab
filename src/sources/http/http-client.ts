/**
 * A polite HTTP client for live connectors: it says who it is, keeps a minimum interval between requests, times out
 * each request, retries 408/429/5xx, network errors and timeouts with exponential backoff and jitter, and honours
 * Retry-After. Every side effect (fetch, sleep, clock, randomness) is passed in, so tests replay recorded traffic on a
 * virtual clock and no real connection is ever made.
 */
import { retryAfterMs } from './retry-after.ts';

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** The part of a fetch Response the client reads; the global `fetch` satisfies it. */
export interface FetchResponse {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;
export type Sleep = (ms: number) => Promise<void>;

/** Sent when the caller gives no contact address: it names the project and asks the operator to add one. */
export const DEFAULT_USER_AGENT = 'neijuan/0.1 (open observatory; set --mailto)';

/** The User-Agent with a contact address, as APIs that ask for one ("polite pools") expect. */
export function userAgentFor(mailto?: string | null): string {
  if (mailto === undefined || mailto === null || mailto === '') return DEFAULT_USER_AGENT;
  // The address goes into a header: refuse anything that could end it or break out of the comment.
  if (!/^[^\s()<>@,;:\\"[\]]+@[^\s()<>@,;:\\"[\]]+\.[^\s()<>@,;:\\"[\]]+$/.test(mailto)) {
    throw new Error(`--mailto: "${mailto}" is not an e-mail address`);
  }
  return `neijuan/0.1 (open observatory; mailto:${mailto})`;
}

export interface HttpClientOptions {
  fetch: FetchLike;
  sleep: Sleep;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** In [0, 1); Math.random when not given. Tests pass a constant to make the jitter deterministic. */
  random?: () => number;
  /** The whole User-Agent; when absent it is built from `mailto`. */
  userAgent?: string;
  mailto?: string | null;
  /** Retries after the first attempt. Default 5. */
  maxRetries?: number;
  /** The first backoff; each retry doubles it (up to `maxDelayMs`). Default 1000. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Minimum time between the starts of two requests. Default 1000. */
  minIntervalMs?: number;
  /** Per-attempt timeout, body included. Default 30 000. */
  timeoutMs?: number;
  /** A Retry-After longer than this is not waited out: the request fails, saying what the server asked. */
  maxRetryAfterMs?: number;
  /** Told about every retry before its wait (for a progress line or a log). */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  url: string;
  attempt: number;
  status: number | null;
  reason: string;
  waitMs: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Cancels the request (Ctrl-C): not retried. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  /** The URL asked for (redirects are followed by fetch). */
  url: string;
  status: number;
  body: string;
  header(name: string): string | null;
  /** How many attempts it took (1 when the first one succeeded). */
  attempts: number;
}

/** A request that failed for good: names the URL, the last status (null when none came back) and the attempts. */
export class HttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    readonly attempts: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface HttpClient {
  readonly userAgent: string;
  get(url: string, options?: RequestOptions): Promise<HttpResponse>;
}

type Attempt =
  | { type: 'response'; status: number; statusText: string; body: string; headers: FetchResponse['headers'] }
  | { type: 'failure'; reason: string };

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { fetch, sleep, now } = options;
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  const userAgent = options.userAgent ?? userAgentFor(options.mailto);

  // The earliest time the next request may start. Reserved synchronously, so concurrent callers queue up too.
  let nextStart = -Infinity;
  const pace = async () => {
    const t = now();
    const start = Math.max(t, nextStart);
    nextStart = start + minIntervalMs;
    if (start > t) await sleep(start - t);
  };

  // Full backoff doubles per retry; half of it is fixed and half is random ("equal jitter"), so waits still grow
  // while clients that failed together do not come back together.
  const backoff = (retry: number) => {
    const full = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
    return Math.round(full / 2 + random() * (full / 2));
  };

  const attemptOnce = async (url: string, request: RequestOptions): Promise<Attempt> => {
    const controller = new AbortController();
    // A real timer, not the injected sleep: it must fire while fetch is pending, whatever the clock says.
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const signal = request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal;
    try {
      const response = await fetch(url, {
        method: 'GET',
        headers: { 'User-Agent': userAgent, ...request.headers },
        signal,
      });
      // The body is read inside the timeout too: a connection reset mid-page is a failed attempt, never half a page.
      const body = await response.text();
      return {
        type: 'response',
        status: response.status,
        statusText: response.statusText ?? '',
        body,
        headers: response.headers,
      };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      if (controller.signal.aborted) return { type: 'failure', reason: `timed out after ${timeoutMs} ms` };
      return { type: 'failure', reason: describe(error) };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    userAgent,
    async get(url, request = {}) {
      let lastStatus: number | null = null;
      let lastReason = '';
      for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
        await pace();
        const result = await attemptOnce(url, request);
        let waitMs: number;
        if (result.type === 'response') {
          if (result.status >= 200 && result.status < 300) {
            const headers = result.headers;
            return { url, status: result.status, body: result.body, header: (n) => headers.get(n), attempts: attempt };
          }
          lastStatus = result.status;
          lastReason = `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}`;
          if (!RETRYABLE_STATUS(result.status)) {
            throw new HttpError(url, result.status, attempt, `GET ${url}: ${lastReason}`);
          }
          const asked = retryAfterMs(result.headers.get('retry-after'), now());
          if (asked !== null && asked > maxRetryAfterMs) {
            throw new HttpError(
              url,
              result.status,
              attempt,
              `GET ${url}: ${lastReason}; the server asks to retry after ${Math.ceil(asked / 1000)} s, ` +
                `more than the ${Math.round(maxRetryAfterMs / 1000)} s this client waits`,
            );
          }
          waitMs = asked ?? backoff(attempt - 1);
        } else {
          lastStatus = null;
          lastReason = result.reason;
          waitMs = backoff(attempt - 1);
        }
        if (attempt > maxRetries) break;
        options.onRetry?.({ url, attempt, status: lastStatus, reason: lastReason, waitMs });
        await sleep(waitMs);
      }
      throw new HttpError(
        url,
        lastStatus,
        maxRetries + 1,
        `GET ${url}: gave up after ${maxRetries + 1} attempts; last status ${lastStatus ?? 'none'}` +
          ` (${lastReason})`,
      );
    },
  };
}

/** "fetch failed: read ECONNRESET" rather than a bare "fetch failed". */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
