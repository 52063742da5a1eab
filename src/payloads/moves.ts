/**
 * Metric moves between two databases: where a build changes what a payload says — the involution index of a segment
 * and year, a city's count of AI organisations — worded with the reason (the components that moved).
 */
import { SEGMENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { computeCitiesPayload } from './cities.ts';
import { computeInvolutionPayload, involutionParams } from './involution.ts';

export interface MetricMove {
  what: string;
  old_value: string | null;
  new_value: string | null;
  note: string;
  source_id: string | null;
}

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? 'none' : String(Math.round(v * 1000) / 1000);

/** The involution index and city counts that differ between `before` and `after` (China, default parameters). */
export async function metricMoves(before: Db, after: Db): Promise<MetricMove[]> {
  const moves: MetricMove[] = [];
  for (const segment of SEGMENTS) {
    const q = involutionParams.parse({ segment });
    const [a, b] = await Promise.all([computeInvolutionPayload(before, q), computeInvolutionPayload(after, q)]);
    const old = new Map(a.years.map((y) => [y.year, y]));
    for (const y of b.years) {
      const o = old.get(y.year);
      if (fmt(o?.index) === fmt(y.index)) continue;
      const parts: string[] = [];
      const cmp = (label: string, x: number | null | undefined, z: number | null | undefined) => {
        if (fmt(x) !== fmt(z)) parts.push(`${label} ${fmt(x)} → ${fmt(z)}`);
      };
      cmp('players', o?.players, y.players);
      cmp('entrants', o?.entrants, y.entrants);
      cmp('exits', o?.exits, y.exits);
      cmp('concentration', o?.concentration, y.concentration);
      cmp('price change %', o?.price_change, y.price_change);
      cmp('capability spread', o?.capability_spread, y.capability_spread);
      const why = y.index === null ? (y.reasons.index ?? 'not indexed') : null;
      moves.push({
        what: `involution index · ${segment} · ${y.year}`,
        old_value: fmt(o?.index),
        new_value: fmt(y.index),
        note: `because ${parts.length > 0 ? parts.join('; ') : 'the other years it is standardised against moved'}${why ? ` (${why})` : ''}`,
        source_id: null,
      });
    }
  }
  const q = { country: 'country:cn' as const };
  const [ca, cb] = await Promise.all([computeCitiesPayload(before, q), computeCitiesPayload(after, q)]);
  const oldCities = new Map(ca.cities.map((c) => [c.city, c]));
  for (const c of cb.cities) {
    const o = oldCities.get(c.city);
    if (o?.ai_organizations === c.ai_organizations) continue;
    moves.push({
      what: `AI organisations · ${c.name_en ?? c.city}`,
      old_value: o ? String(o.ai_organizations) : null,
      new_value: String(c.ai_organizations),
      note: `city league (${c.city}); adopters ${o?.ai_adopters ?? 'none'} → ${c.ai_adopters}`,
      source_id: null,
    });
  }
  return moves;
}
