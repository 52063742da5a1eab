/** Cursor pagination over the `Link: <…>; rel="next"` header, one whole page at a time. */
import type { HttpClient, RequestOptions } from './http-client.ts';
import { linkTarget } from './link-header.ts';

export interface Page {
  /** The URL this page was fetched from (the cursor to resume at if it is lost). */
  url: string;
  /** 1-based position of the page, counting from `startIndex`. */
  index: number;
  body: string;
  /** The next page's URL, or null on the last page. */
  next: string | null;
  attempts: number;
}

/**
 * Fetches `startUrl` and then every page its Link header points to. A page is yielded only once its whole body has
 * arrived (the client retries a page that failed or was cut off), so a consumer that appends each yielded page
 * never holds a duplicate or half a page. The consumer may stop early (`break`); nothing more is fetched then.
 */
export async function* followPages(
  client: HttpClient,
  startUrl: string,
  options: RequestOptions & { startIndex?: number } = {},
): AsyncGenerator<Page> {
  let url: string | null = startUrl;
  let index = options.startIndex ?? 1;
  const seen = new Set<string>();
  while (url !== null) {
    // A server that links a page to itself (or to an earlier one) would loop forever.
    if (seen.has(url)) throw new Error(`pagination loops: ${url} was already fetched in this run`);
    seen.add(url);
    const response = await client.get(url, options);
    const next = linkTarget(response.header('link'), url);
    yield { url, index, body: response.body, next, attempts: response.attempts };
    url = next;
    index++;
  }
}
