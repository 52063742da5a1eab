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

/** "over CNY 2.5 bn": an amount as reported, in its currency. */
export function money(amount: number | null, currency: string | null, qualifier?: string | null): string {
  if (amount === null || currency === null) return 'undisclosed';
  const [v, unit] = amount >= 1e9 ? [amount / 1e9, ' bn'] : amount >= 1e6 ? [amount / 1e6, ' m'] : [amount, ''];
  const q = qualifier && qualifier !== 'exact' ? `${qualifier.replace('-', ' ')} ` : '';
  return `${q}${currency} ${Number(v.toFixed(2)).toLocaleString('en')}${unit}`;
}

/** A price axis tick as a reader reads it: 0.3, not "300m". */
export const plain = (d: number) => (d >= 1 ? d.toLocaleString('en') : String(Number(d.toPrecision(2))));

/** The name of a price column, saying what it holds: input or output, currency, unit. */
export const priceColumn = (side: string, currency: string) =>
  `${side}_price_${currency.toLowerCase()}_per_million_tokens`;
