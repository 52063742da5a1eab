/** The `Link` response header (RFC 8288) as paginated APIs use it: `<https://…&cursor=…>; rel="next"`. */

/** The target of the link with relation `rel` (default "next"), resolved against the request URL; null when none. */
export function linkTarget(header: string | null, baseUrl: string, rel = 'next'): string | null {
  if (header === null) return null;
  // Links are comma-separated, but a URL may itself hold commas: split only at commas followed by "<".
  for (const part of header.split(/,\s*(?=<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!m) continue;
    const params = m[2] ?? '';
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const values = (rels?.[1] ?? rels?.[2] ?? '').toLowerCase().split(/\s+/);
    if (values.includes(rel)) return new URL(m[1] ?? '', baseUrl).toString();
  }
  return null;
}
