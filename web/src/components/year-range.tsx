import { useQueryParam } from '../hooks.ts';
import { Choice } from './choice.tsx';
import { messages } from '../i18n.ts';

const T = messages(
  { from: 'From', to: 'to', fromYear: 'From year', toYear: 'To year' },
  { from: '从', to: '到', fromYear: '起始年份', toYear: '结束年份' },
);

export interface YearParams {
  fromText: string;
  toText: string;
  setFrom: (v: string) => void;
  setTo: (v: string) => void;
}

/** The URL's ?from=&to= (a hook: call it before any early return). */
export function useYearParams(): YearParams {
  const [fromText, setFrom] = useQueryParam('from', '');
  const [toText, setTo] = useQueryParam('to', '');
  return { fromText, toText, setFrom, setTo };
}

/**
 * The year range the URL asks for, clamped to the years a chart has, and its two drop-downs. A bad or reversed value
 * in an edited URL is clamped or swapped, never an error.
 */
export function yearRange(p: YearParams, minYear: number, maxYear: number) {
  const clamp = (v: number) => Math.min(maxYear, Math.max(minYear, v));
  const from = p.fromText && Number.isInteger(Number(p.fromText)) ? clamp(Number(p.fromText)) : minYear;
  const to = p.toText && Number.isInteger(Number(p.toText)) ? clamp(Number(p.toText)) : maxYear;
  const range: [number, number] = from <= to ? [from, to] : [to, from];
  const options = Number.isFinite(minYear)
    ? Array.from({ length: maxYear - minYear + 1 }, (_, i) => String(minYear + i))
    : [];
  const t = T();
  const controls = (
    <p class="controls years">
      <Choice label={t.from} ariaLabel={t.fromYear} value={String(range[0])} options={options} onChange={p.setFrom} />{' '}
      <Choice label={t.to} ariaLabel={t.toYear} value={String(range[1])} options={options} onChange={p.setTo} />
    </p>
  );
  return { range, controls };
}
