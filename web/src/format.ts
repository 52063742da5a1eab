/** Display helpers shared by pages. */

/** A readable place name from an id ("city:hong-kong" → "Hong Kong") when only the id is at hand. */
export function placeName(id: string): string {
  return id
    .replace(/^[a-z]+:/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Each value once, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
