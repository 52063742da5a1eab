/**
 * The OpenAlex REST API over the project's polite HTTP client (sources/http: pacing, retries, Retry-After). The
 * polite pool wants `mailto`; an API key, when given, goes in `api_key` and never into messages or the run log.
 * Cursor paging starts at `cursor=*` and follows `meta.next_cursor` until it is null or a page comes back empty.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../model/errors.ts';
import { HttpError, type HttpClient } from '../http/http-client.ts';
import { fieldPath, parseJsonBody } from '../http/json-body.ts';
import { groupByPageSchema, listPageSchema } from './schema.ts';

export interface OpenAlexClientOptions {
  /** The polite client (createHttpClient), or one over a replaying transport in tests. */
  http: HttpClient;
  /** The contact address OpenAlex asks for (polite pool). */
  mailto: string;
  apiKey?: string | null;
  /** Default https://api.openalex.org */
  baseUrl?: string;
  /** Results per page, 1–200. Default 200. */
  perPage?: number;
  /** Cancels the request in flight (Ctrl-C). */
  signal?: AbortSignal;
}

export interface Page {
  url: string;
  count: number;
  results: unknown[];
}

export interface Group {
  key: string;
  displayName: string | null;
  count: number;
}

export class OpenAlexClient {
  private readonly base: string;
  private readonly hash = createHash('sha256');
  /** Requests made, for the run log (API key removed). */
  readonly requested: string[] = [];

  constructor(private readonly options: OpenAlexClientOptions) {
    if (!/^[^\s@&=?#]+@[^\s@&=?#]+\.[^\s@&=?#]+$/.test(options.mailto)) {
      throw new InputError('--mailto', null, null, `expected an e-mail address, got "${options.mailto}"`);
    }
    this.base = (options.baseUrl ?? 'https://api.openalex.org').replace(/\/+$/, '');
  }

  /** The request URL, parameters in a fixed order (the same query is always the same URL). */
  url(path: string, params: Record<string, string>, withKey = true): string {
    const q = new URLSearchParams(params);
    q.set('mailto', this.options.mailto);
    if (withKey && this.options.apiKey) q.set('api_key', this.options.apiKey);
    return `${this.base}${path}?${q.toString()}`;
  }

  /** A URL naming a query for people: no contact address, no key. */
  publicUrl(path: string, params: Record<string, string>): string {
    return `${this.base}${path}?${new URLSearchParams(params).toString()}`;
  }

  /** SHA-256 over every response body read so far, in order. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }

  private async get(path: string, params: Record<string, string>): Promise<{ url: string; body: unknown }> {
    const shown = this.url(path, params, false);
    this.requested.push(shown);
    let text: string;
    try {
      const headers = { accept: 'application/json' };
      const options = this.options.signal ? { headers, signal: this.options.signal } : { headers };
      text = (await this.options.http.get(this.url(path, params), options)).body;
    } catch (error) {
      if (error instanceof HttpError && this.options.apiKey) {
        // The client's message quotes the URL, key included.
        throw new HttpError(shown, error.status, error.attempts, error.message.split(this.options.apiKey).join('***'));
      }
      throw error;
    }
    this.hash.update(text);
    return { url: shown, body: parseJsonBody(text, shown) };
  }

  /** Every page of /works matching `filter`, by cursor. */
  async *worksPages(filter: string): AsyncGenerator<Page> {
    const perPage = String(this.options.perPage ?? 200);
    for (let cursor: string | null = '*'; cursor !== null;) {
      const { url, body } = await this.get('/works', { filter, per_page: perPage, cursor });
      const page = listPageSchema.safeParse(body);
      if (!page.success) throw envelopeError(url, page.error.issues[0]);
      if (page.data.results.length === 0) return;
      yield { url, count: page.data.meta.count, results: page.data.results };
      cursor = page.data.meta.next_cursor ?? null;
    }
  }

  /** The groups of /works?group_by=`field` for `filter`, following next_cursor when the API pages them. */
  async groups(filter: string, field: string): Promise<Group[]> {
    const out: Group[] = [];
    const params: Record<string, string> = { filter, group_by: field, per_page: '200' };
    for (;;) {
      const { url, body } = await this.get('/works', params);
      const page = groupByPageSchema.safeParse(body);
      if (!page.success) throw envelopeError(url, page.error.issues[0]);
      out.push(...page.data.group_by.map((g) => ({ key: g.key, displayName: g.key_display_name, count: g.count })));
      const next = page.data.meta.next_cursor;
      if (!next || page.data.group_by.length === 0) return out;
      params.cursor = next;
    }
  }
}

function envelopeError(url: string, issue: { path: PropertyKey[]; message: string } | undefined): InputError {
  return new InputError(
    url,
    null,
    issue ? fieldPath(issue.path) || null : null,
    issue?.message ?? 'unexpected response',
  );
}
