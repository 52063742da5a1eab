/** Bilingual entity search: English, simplified or traditional Chinese, toneless pinyin, aliases. In memory. */
import MiniSearch from 'minisearch';
import { familyOf, type EntityKind } from '../model/types.ts';
import { hasHan, normalizeName, toSimplified } from '../model/names.ts';
import type { SearchDoc } from '../store/queries/entities.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Terms of a text: word segments, Han bigrams (so 智谱 is found inside 智谱华章), and the whole name without
 * spaces (so "shen du qiu suo" and "shenduqiusuo" meet). Traditional characters fold to simplified.
 */
export function tokenize(text: string): string[] {
  const simplified = toSimplified(text.normalize('NFKC')).toLowerCase();
  const terms = new Set<string>();
  for (const part of simplified.split(/\n/)) {
    for (const seg of segmenter.segment(part)) {
      if (!seg.isWordLike) continue;
      const word = seg.segment.trim();
      if (word.length === 0) continue;
      terms.add(word);
    }
    for (const run of part.match(/\p{Script=Han}+/gu) ?? []) {
      if (run.length === 1) terms.add(run);
      for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
    }
    const whole = normalizeName(part);
    if (whole.length > 1) terms.add(whole);
  }
  return [...terms];
}

// Organisations first, then places and people: what a searcher usually means by a bare name.
const FAMILY_RANK: Record<string, number> = {
  organization: 5,
  place: 4,
  person: 3,
  product: 2,
  robot: 2,
  'ai-model': 1,
  event: 1,
};

export interface SearchHit {
  id: string;
  kind: string;
  name_en: string | null;
  name_zh: string | null;
  name_pinyin: string | null;
  /** The name that matched best, and how. */
  matched: string;
  match: 'exact' | 'prefix' | 'partial';
  score: number;
}

export class SearchIndex {
  private readonly mini: MiniSearch<SearchDoc & { text: string }>;
  private readonly docs = new Map<string, SearchDoc>();
  private readonly exact = new Map<string, Set<string>>();

  constructor(documents: readonly SearchDoc[]) {
    this.mini = new MiniSearch({
      fields: ['text'],
      idField: 'id',
      tokenize,
      processTerm: (term) => term,
      searchOptions: { tokenize, processTerm: (term) => term },
    });
    for (const d of documents) {
      this.docs.set(d.id, d);
      for (const name of d.names) {
        const norm = normalizeName(name);
        // A name of symbols only (the 🤗 alias) normalises to nothing: it cannot be matched exactly.
        if (norm === '') continue;
        if (!this.exact.has(norm)) this.exact.set(norm, new Set());
        this.exact.get(norm)?.add(d.id);
      }
    }
    this.mini.addAll(documents.map((d) => ({ ...d, text: d.names.join('\n') })));
  }

  get size(): number {
    return this.docs.size;
  }

  /** The indexed document of an entity (its names, weight and place), or undefined. */
  document(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  /** Best matches first: exact name or alias, then prefix and partial matches; ties go to organisations. */
  search(query: string, limit = 20): SearchHit[] {
    // Tone marks are how pinyin is printed ("zhìpǔ", "bǎi dù"); the index holds toneless pinyin.
    const q = query
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .normalize('NFC')
      .trim();
    if (q.length === 0) return [];
    const norm = normalizeName(q);
    // Nothing searchable left (emoji, punctuation): no match rather than every name that also normalised to nothing.
    if (norm === '') return [];
    const scored = new Map<string, SearchHit>();
    const hit = (d: SearchDoc, score: number, match: SearchHit['match'], matched: string): SearchHit => ({
      id: d.id,
      kind: d.kind,
      name_en: d.name_en,
      name_zh: d.name_zh,
      name_pinyin: d.name_pinyin,
      matched,
      match,
      score,
    });
    const put = (id: string, score: number, match: SearchHit['match'], matched: string) => {
      const d = this.docs.get(id);
      if (!d) return;
      const rank = FAMILY_RANK[familyOf(d.kind as EntityKind)] ?? 0;
      const total = score + rank * 0.5 + Math.log1p(d.weight) * 0.2;
      const prev = scored.get(id);
      if (!prev || prev.score < total) scored.set(id, hit(d, total, match, matched));
    };
    const exactIds = [...(this.exact.get(norm) ?? [])];
    for (const id of exactIds) put(id, 100, 'exact', q);
    // The maker of an exactly named product or model ("Kimi" → Moonshot AI) comes right after it, never before.
    for (const id of exactIds) {
      const below = (scored.get(id)?.score ?? 100) - 0.001;
      for (const maker of this.docs.get(id)?.makers ?? []) {
        const d = this.docs.get(maker);
        const prev = scored.get(maker);
        if (!d || (prev && prev.score >= below)) continue;
        scored.set(maker, hit(d, below, 'exact', `${q} (its maker)`));
      }
    }
    const latin = !hasHan(q);
    const results = this.mini.search(q, {
      prefix: latin,
      // Fuzzy matching only for Latin words long enough to carry a typo (two edits: "tencnet" swaps two letters);
      // never for Chinese.
      fuzzy: (term) => (latin && term.length > 5 ? 0.3 : false),
      combineWith: 'AND',
    });
    const top = results[0]?.score ?? 1;
    for (const r of results) {
      const d = this.docs.get(String(r.id));
      if (!d) continue;
      const prefix = d.names.some((n) => normalizeName(n).startsWith(norm));
      put(
        d.id,
        (prefix ? 20 : 0) + (10 * r.score) / top,
        prefix ? 'prefix' : 'partial',
        d.names.find((n) => normalizeName(n).includes(norm)) ?? d.names[0] ?? '',
      );
    }
    return [...scored.values()]
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((h) => ({ ...h, score: Math.round(h.score * 1000) / 1000 }));
  }
}
