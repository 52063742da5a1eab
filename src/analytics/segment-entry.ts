/**
 * When an organisation entered a segment and when it left, from dated evidence in that segment, with the rule that
 * applied named per player. Pure.
 *
 * Entry is the earliest of: a cited "entered the segment" fact, the first dated release in the segment, the first dated
 * API price (LLMs), the first time the upstream LLM list named one of its models (an upper bound). A company tagged with
 * this segment alone (a pure player) may enter at its founding year, but only when that year is at most
 * FOUNDING_LEAD_YEARS before its first evidence in the segment, or when there is no other evidence: a firm founded
 * decades before it shipped a model was not founded to make one. Research players (universities, academies, public
 * labs) never enter by founding year.
 *
 * Exit is a cited status (defunct, acquired) or a cited "left the segment" fact, else inferred from silence: no release
 * or price for SILENT_YEARS complete years after the last one. Silence is only read where every input that could break
 * it covers those years: never within the censoring boundary.
 */
import type { PlayerRow } from '../store/queries/segments.ts';
import { RESEARCH_AI_CLASSES } from '../model/types.ts';

export const FOUNDING_LEAD_YEARS = 2;
export const SILENT_YEARS = 2;
/** Inactivity exits are inferred only for players seen releasing at least this often (one release says little). */
export const MIN_RELEASES_FOR_SILENCE = 2;

export type EntryRule = 'cited' | 'release' | 'price' | 'listed' | 'founded';
export type ExitRule = 'cited' | 'inactive';

export interface PlayerSpan {
  org: string;
  name: string | null;
  kind: string;
  group: 'commercial' | 'research';
  city: string | null;
  entry: {
    year: number;
    date: string;
    rule: EntryRule;
    source_id: string | null;
    /** The release behind a release entry (links to its page). */
    thing?: string | null;
    detail: string;
  } | null;
  exit: { year: number; rule: ExitRule; source_id: string | null; detail: string } | null;
  /** The last year with a release or price in the segment. */
  last_active: number | null;
}

const year = (date: string | null) => (date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null);

/** The last calendar year that an input ending on `date` covers in full. */
export function lastCompleteYear(date: string): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5, 10) === '12-31' ? y : y - 1;
}

export function playerSpan(p: PlayerRow, censorYear: number): PlayerSpan {
  const group = (RESEARCH_AI_CLASSES as readonly string[]).includes(p.ai_class) ? 'research' : 'commercial';
  const evidence: { date: string; rule: EntryRule; source_id: string | null; thing?: string | null; detail: string }[] =
    [];
  if (p.entered) evidence.push({ date: p.entered, rule: 'cited', source_id: p.entered_source, detail: 'cited entry' });
  if (p.first_release)
    evidence.push({
      date: p.first_release,
      rule: 'release',
      source_id: p.first_release_source,
      thing: p.first_release_thing,
      detail: `first dated release in the segment: ${p.first_release_name ?? p.first_release_thing ?? ''}`.trim(),
    });
  if (p.first_price)
    evidence.push({
      date: p.first_price,
      rule: 'price',
      source_id: p.first_price_source,
      detail: 'first dated API price',
    });
  if (p.first_listed)
    evidence.push({
      date: p.first_listed,
      rule: 'listed',
      source_id: p.first_listed_source,
      detail: 'first named in the Awesome LLMs In China list (an upper bound)',
    });
  const ORDER: EntryRule[] = ['cited', 'release', 'price', 'listed', 'founded'];
  evidence.sort(
    (a, b) => a.date.slice(0, 4).localeCompare(b.date.slice(0, 4)) || ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule),
  );
  const earliest = evidence[0];
  const pure = group === 'commercial' && p.segments === 1 && p.founded !== null;
  if (
    pure &&
    p.founded !== null &&
    (!earliest ||
      (p.founded < Number(earliest.date.slice(0, 4)) &&
        p.founded >= Number(earliest.date.slice(0, 4)) - FOUNDING_LEAD_YEARS))
  ) {
    evidence.unshift({
      date: String(p.founded),
      rule: 'founded',
      source_id: p.founded_source,
      detail: earliest
        ? `founded for this segment alone, ${Number(earliest.date.slice(0, 4)) - p.founded} year(s) before its first evidence`
        : 'founded for this segment alone; no dated evidence in it',
    });
  }
  const first = evidence[0];
  const entry = first ? { year: Number(first.date.slice(0, 4)), ...first } : null;

  const lastActive = Math.max(year(p.last_release) ?? -Infinity, year(p.last_price) ?? -Infinity);
  const last_active = Number.isFinite(lastActive) ? lastActive : null;
  let exit: PlayerSpan['exit'] = null;
  const cited = [
    p.exited ? { date: p.exited, source_id: p.exited_source, detail: 'cited exit from the segment' } : null,
    p.status ? { date: p.status_date, source_id: p.status_source, detail: `cited status: ${p.status}` } : null,
  ].filter((c): c is { date: string | null; source_id: string | null; detail: string } => c !== null);
  const citedDated = cited
    .filter((c) => year(c.date) !== null)
    .sort((a, b) => (a.date as string).localeCompare(b.date as string))[0];
  if (citedDated) {
    exit = {
      year: year(citedDated.date) as number,
      rule: 'cited',
      source_id: citedDated.source_id,
      detail: citedDated.detail,
    };
  } else if (cited[0] && (last_active ?? entry?.year) !== undefined && (last_active ?? entry?.year) !== null) {
    // Cited but undated: gone after its last dated activity (or its entry), the earliest year the data allows.
    const after = (last_active ?? entry?.year) as number;
    exit = {
      year: after + 1,
      rule: 'cited',
      source_id: cited[0].source_id,
      detail: `${cited[0].detail} (undated: after ${after})`,
    };
  } else if (
    last_active !== null &&
    p.releases >= MIN_RELEASES_FOR_SILENCE &&
    last_active + SILENT_YEARS <= censorYear
  ) {
    exit = {
      year: last_active + 1,
      rule: 'inactive',
      source_id: null,
      detail: `no release or price in the segment in ${last_active + 1}–${censorYear}`,
    };
  }
  if (exit && entry && exit.year < entry.year) exit = { ...exit, year: entry.year };
  return { org: p.org, name: p.name, kind: p.kind, group, city: p.city, entry, exit, last_active };
}
