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
