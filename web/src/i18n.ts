/**
 * English and 中文: the interface's language, its typed message tables and its locale formats.
 *
 * Each page or component declares its strings once with `messages(en, zh)`: the Chinese table must have every key of
 * the English one with the same signature (a missing or misspelt key fails the type check), and a message that takes
 * values is a function of them, so word order follows the language. The language comes from the URL's `?lang=`, else
 * from the reader's last choice (remembered in localStorage), else English; the app keeps it in the URL so a shared
 * link opens in the language it was shared in.
 */
import type { ComponentChildren } from 'preact';

export type Lang = 'en' | 'zh';
const STORE_KEY = 'neijuan.lang';

/** A message: a fixed string, or a function of the values it quotes. */
type Message = string | ((...args: never[]) => ComponentChildren);
type Table = Record<string, Message>;
/**
 * A table's shape, widened from its English literals: every key, a string for a string, and for a function the same
 * parameters returning a string (or markup, when the English one returns markup).
 */
type Translation<E extends Table> = {
  [K in keyof E]: E[K] extends string
    ? string
    : E[K] extends (...args: infer A) => infer R
      ? (...args: A) => R extends string ? string : ComponentChildren
      : never;
};

let current: Lang = 'en';

export const isLang = (v: string | null | undefined): v is Lang => v === 'en' || v === 'zh';

/** The language for this URL: its own `?lang=`, else the remembered choice, else English. */
export function langOf(url: URL): Lang {
  const asked = url.searchParams.get('lang');
  if (isLang(asked)) return asked;
  const stored = remembered();
  return stored ?? 'en';
}

export function remembered(): Lang | null {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage disabled: the URL alone carries the language
  }
}

export function remember(lang: Lang): void {
  try {
    localStorage.setItem(STORE_KEY, lang);
  } catch {
    // storage disabled: nothing to remember it in
  }
}

/** Sets the language the tables and formats answer in (the app calls this as it renders, before any page). */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export const lang = (): Lang => current;

/** The BCP 47 tag for `Intl` and for the document's lang attribute. */
export const locale = (): string => (current === 'zh' ? 'zh-CN' : 'en');
export const htmlLang = (): string => (current === 'zh' ? 'zh-Hans' : 'en');

/** Declares a component's strings in both languages; call the result during render for the current table. */
export function messages<E extends Table>(en: E, zh: Translation<E>): () => Translation<E> {
  const english = en as unknown as Translation<E>;
  return () => (current === 'zh' ? zh : english);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number in the reader's locale (grouping, decimal mark); `digits` caps the fraction digits. */
export function num(n: number, digits = 2): string {
  const key = `${locale()}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(), { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/**
 * An ISO date at the precision it was recorded with, in the reader's locale: "2025", "Jan 2025" / "2025年1月",
 * "20 Jan 2025" / "2025年1月20日". Anything else is shown as given.
 */
export function date(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return current === 'zh' ? `${y}年` : String(y);
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(current === 'zh' ? 'zh-CN' : 'en-GB', opts).format(at);
}

/** A name in the reader's language first: the Chinese name in 中文 mode, the English one otherwise. */
export function nameOf(e: { name_en?: string | null; name_zh?: string | null }, fallback = ''): string {
  return (current === 'zh' ? (e.name_zh ?? e.name_en) : (e.name_en ?? e.name_zh)) ?? fallback;
}

/** The other name, when there is one and it differs (shown beside the first). */
export function otherName(e: { name_en?: string | null; name_zh?: string | null }): string | null {
  const other = current === 'zh' ? e.name_en : e.name_zh;
  return other && other !== nameOf(e) ? other : null;
}

/** The current URL with its language set to `to` (the switch's link: shareable, and it works without script). */
export function withLang(url: URL, to: Lang): string {
  const next = new URL(url.href);
  next.searchParams.set('lang', to);
  return next.pathname + next.search + next.hash;
}

/**
 * A value as a table cell shows it: English keeps the data's own form (plain counts, ISO dates, as the CSV has them);
 * 中文 formats counts and dates for the locale.
 */
export function shown(v: string | number | null | undefined): string {
  return current === 'zh' && typeof v === 'number' ? num(v) : String(v ?? '');
}
export function shownDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return current === 'zh' ? date(iso) : iso;
}

/** A country id as a reader names it: "CN" in English, its Chinese name (中国) in 中文. */
export function countryName(id: string | null | undefined): string {
  const code = (id ?? '').replace('country:', '').toUpperCase();
  if (current !== 'zh' || !/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A time axis's ticks for Plot: Chinese dates in 中文 ("2025年", "4月", "4月15日"); English keeps Plot's own. */
export function timeTicks(): { tickFormat?: (d: Date) => string } {
  if (current !== 'zh') return {};
  return {
    tickFormat: (d: Date) => {
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      if (day !== 1) return `${m}月${day}日`;
      return m === 1 ? `${y}年` : `${m}月`;
    },
  };
}

/** A metric's title in the reader's language (the registry gives each metric a Chinese title too). */
export function metricTitle(m: { title: string; title_zh?: string | null }): string {
  return current === 'zh' && m.title_zh ? m.title_zh : m.title;
}
