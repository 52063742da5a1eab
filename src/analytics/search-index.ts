/**
 * Bilingual entity search: English, simplified or traditional Chinese, toneless or tone-marked pinyin, aliases. In
 * memory, built for answering without a cache: a query looks up exact names in a hash map, prefixes in a sorted term
 * array (binary search), and typos in a table of one-letter deletions (symmetric delete), so its cost depends on how
 * many entities match, not on how many are indexed. No database query per search: places come from the documents.
 */
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

/** What the index keeps of one name: its terms, and its normalised form as the exact map and the prefix test use it. */
export interface NameTerms {
  terms: string[];
  norm: string;
}

/**
 * The terms of one name and its normalised form, accents folded on both ("Ecole" finds "École", "hogskolan" finds
 * "högskolan"). A document's terms are those of its names together: `tokenize` takes a text line by line.
 */
export function nameTerms(name: string): NameTerms {
  const folded = foldQuery(name);
  return { terms: tokenize(folded), norm: normalizeName(folded) };
}

/** Tone marks are how pinyin is printed ("zhìpǔ", "bǎi dù"); the index holds toneless pinyin. */
export function foldQuery(query: string): string {
  return query
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .trim();
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

/**
 * Typos are looked for in Latin words of at least FUZZY_MIN letters (a typo in "ai" is another word) and at most
 * FUZZY_MAX (longer terms are names run together, "kungligatekniskahogskolan", which a typist writes in words).
 */
const FUZZY_MIN = 6;
const FUZZY_MAX = 16;
const LATIN_WORD = /^[a-z0-9]+$/;

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

/** The index as plain data: what `neijuan build` stores, so a server starts without tokenising every name again. */
export interface SearchIndexData {
  version: 1;
  docs: SearchDoc[];
  /** Sorted, distinct terms, and for each the documents (indexes into `docs`) that carry it. */
  terms: string[];
  postings: number[][];
  /** Each document's names normalised (accents folded), as the exact map and the prefix test compare them. */
  norms: string[][];
}

/** Adjacent transpositions count as one edit (Damerau–Levenshtein, optimal string alignment), capped at `max` + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** FNV-1a of a word's character codes, skipping position `skip` (-1: none): the key of a one-letter deletion. */
function hashSkipping(word: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * Latin terms under their whole form and each one-letter deletion (symmetric delete: two words one edit apart share
 * a key), as hashes in typed arrays: no string is made per key, so it builds in milliseconds at 90,000 terms. A hash
 * collision only adds a candidate, which the edit distance then turns away.
 */
class DeletionTable {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly hash: Uint32Array;
  private readonly term: Int32Array;

  constructor(terms: readonly string[], eligible: (term: string) => boolean) {
    let n = 0;
    for (const t of terms) if (eligible(t)) n += t.length + 1;
    let size = 1024;
    while (size < 2 * n) size *= 2;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(n);
    this.hash = new Uint32Array(n);
    this.term = new Int32Array(n);
    let k = 0;
    terms.forEach((t, ti) => {
      if (!eligible(t)) return;
      for (let skip = -1; skip < t.length; skip++) {
        const h = hashSkipping(t, skip);
        const slot = h & (size - 1);
        this.hash[k] = h;
        this.term[k] = ti;
        this.next[k] = this.head[slot] as number;
        this.head[slot] = k++;
      }
    });
  }

  /** Terms sharing a key with `word` (candidates within about one edit). */
  candidates(word: string): Set<number> {
    const out = new Set<number>();
    const mask = this.head.length - 1;
    for (let skip = -1; skip < word.length; skip++) {
      const h = hashSkipping(word, skip);
      for (let k = this.head[h & mask] as number; k >= 0; k = this.next[k] as number) {
        if (this.hash[k] === h) out.add(this.term[k] as number);
      }
    }
    return out;
  }
}

/** Index of the first term ≥ `key` in a sorted array. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What one query word matches: a range of the sorted terms, or terms one typo away. */
interface WordMatch {
  lo: number;
  hi: number;
  word: string;
  typos: Map<number, number> | null;
}
const EMPTY_MATCH: WordMatch = { lo: 0, hi: 0, word: '', typos: null };

export class SearchIndex {
  private readonly docs: readonly SearchDoc[];
  private readonly byId = new Map<string, number>();
  /** Normalised names per document, for the exact map and the prefix test. */
  private readonly normNames: readonly string[][];
  private readonly exact = new Map<string, number[]>();
  private readonly terms: readonly string[];
  private readonly postings: readonly number[][];
  /** Latin terms by their one-letter deletions (typo lookup). */
  private readonly deletes: DeletionTable;
  /** Each document's terms in ascending order (compressed rows: `terms[start[d]] … terms[start[d + 1] - 1]`). */
  private readonly forward: { start: Int32Array; terms: Int32Array };

  /** Indexes the documents (tokenising every name), or takes an index stored by `toData`. */
  constructor(input: readonly SearchDoc[] | SearchIndexData) {
    const data = Array.isArray(input) ? SearchIndex.dataOf(input as readonly SearchDoc[]) : (input as SearchIndexData);
    this.docs = data.docs;
    this.terms = data.terms;
    this.postings = data.postings;
    this.normNames = data.norms;
    this.docs.forEach((d, i) => {
      this.byId.set(d.id, i);
      for (const norm of this.normNames[i] ?? []) {
        // A name of symbols only (the 🤗 alias) normalises to nothing: it cannot be matched exactly.
        if (norm === '') continue;
        const ids = this.exact.get(norm);
        if (!ids) this.exact.set(norm, [i]);
        else if (ids.at(-1) !== i) ids.push(i);
      }
    });
    const start = new Int32Array(this.docs.length + 1);
    for (const list of this.postings) for (const d of list) start[d + 1] = (start[d + 1] ?? 0) + 1;
    for (let d = 0; d < this.docs.length; d++) start[d + 1] = (start[d + 1] ?? 0) + (start[d] ?? 0);
    const fill = start.slice(0, this.docs.length);
    const terms = new Int32Array(start[this.docs.length] ?? 0);
    this.postings.forEach((list, t) => {
      for (const d of list) terms[(fill[d] as number)++] = t;
    });
    this.forward = { start, terms };
    this.deletes = new DeletionTable(
      this.terms,
      (t) => t.length >= FUZZY_MIN - 1 && t.length <= FUZZY_MAX + 1 && LATIN_WORD.test(t),
    );
  }

  /**
   * The index of these documents as data (what `toData` gives of an index built from them), not made searchable.
   * `terms`: each name's terms and normalised form, `nameTerms` unless a build worked them out ahead (cpu-tasks.ts).
   */
  static dataOf(documents: readonly SearchDoc[], terms: (name: string) => NameTerms = nameTerms): SearchIndexData {
    const byTerm = new Map<string, number[]>();
    const norms: string[][] = [];
    documents.forEach((d, i) => {
      const own = new Set<string>();
      const docNorms: string[] = [];
      for (const name of d.names) {
        const t = terms(name);
        for (const term of t.terms) own.add(term);
        docNorms.push(t.norm);
      }
      for (const term of own) {
        const list = byTerm.get(term);
        if (!list) byTerm.set(term, [i]);
        else list.push(i);
      }
      norms.push(docNorms);
    });
    const sorted = [...byTerm.keys()].sort();
    return {
      version: 1,
      docs: [...documents],
      terms: sorted,
      postings: sorted.map((t) => byTerm.get(t) ?? []),
      norms,
    };
  }

  /** The index as data, to store and load again with `new SearchIndex(data)`. */
  toData(): SearchIndexData {
    return {
      version: 1,
      docs: [...this.docs],
      terms: [...this.terms],
      postings: this.postings.map((p) => [...p]),
      norms: this.normNames.map((n) => [...n]),
    };
  }

  get size(): number {
    return this.docs.length;
  }

  /** The indexed document of an entity (its names, weight and place), or undefined. */
  document(id: string): SearchDoc | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.docs[i];
  }

  /**
   * The terms a query word matches, each with how well: 1 for the term itself, less for a longer term it begins,
   * less still for a term one typo away. Latin words match as prefixes (a contiguous range of the sorted terms), Han
   * words whole; a Latin word with no prefix match looks for typos.
   */
  private matchWord(word: string): WordMatch {
    const lo = lowerBound(this.terms, word);
    if (hasHan(word)) return this.terms[lo] === word ? { lo, hi: lo + 1, word, typos: null } : EMPTY_MATCH;
    const hi = lowerBound(this.terms, `${word}\uffff`);
    if (hi > lo) return { lo, hi, word, typos: null };
    if (word.length < FUZZY_MIN || word.length > FUZZY_MAX || !LATIN_WORD.test(word)) return EMPTY_MATCH;
    // Typos: terms sharing the word or one of its one-letter deletions (one edit, including swapped letters), kept
    // within the edit budget of a word this long.
    const max = Math.max(1, Math.floor(word.length * 0.3));
    const typos = new Map<number, number>();
    for (const t of this.deletes.candidates(word)) {
      const distance = editDistance(word, this.terms[t] as string, max);
      if (distance <= max) typos.set(t, 0.5 * (1 - distance / word.length));
    }
    return typos.size > 0 ? { lo: 0, hi: 0, word, typos } : EMPTY_MATCH;
  }

  private quality(m: WordMatch, t: number): number {
    if (m.typos) return m.typos.get(t) ?? 0;
    return t >= m.lo && t < m.hi ? m.word.length / (this.terms[t] as string).length : 0;
  }

  /** How many postings a match touches (capped: only which word is rarest matters). */
  private weightOf(m: WordMatch, cap: number): number {
    let n = 0;
    const terms = m.typos ? [...m.typos.keys()] : null;
    const count = terms ? terms.length : m.hi - m.lo;
    for (let k = 0; k < count && n < cap; k++) n += this.postings[terms ? (terms[k] as number) : m.lo + k]?.length ?? 0;
    return n;
  }

  /** Documents carrying a matched term, with the best quality among their terms. */
  private docsOf(m: WordMatch): Map<number, number> {
    const found = new Map<number, number>();
    const terms = m.typos ? [...m.typos.keys()] : Array.from({ length: m.hi - m.lo }, (_, k) => m.lo + k);
    for (const t of terms) {
      const q = this.quality(m, t);
      for (const d of this.postings[t] ?? []) if ((found.get(d) ?? 0) < q) found.set(d, q);
    }
    return found;
  }

  /** The best quality of a match among one document's own terms (0: none), from the forward index. */
  private docQuality(m: WordMatch, d: number): number {
    let best = 0;
    const end = this.forward.start[d + 1] as number;
    for (let k = this.forward.start[d] as number; k < end; k++) {
      const q = this.quality(m, this.forward.terms[k] as number);
      if (q > best) best = q;
    }
    return best;
  }

  /** Best matches first: exact name or alias, then prefix and partial matches; ties go to organisations. */
  search(query: string, limit = 20): SearchHit[] {
    const q = foldQuery(query);
    if (q.length === 0) return [];
    const norm = normalizeName(q);
    // Nothing searchable left (emoji, punctuation): no match rather than every name that also normalised to nothing.
    if (norm === '') return [];
    // Per candidate document: its score before the family and weight bonus, and how it matched.
    const found = new Map<number, { score: number; match: SearchHit['match']; matched: string }>();
    const bonus = (i: number) => {
      const d = this.docs[i] as SearchDoc;
      return (FAMILY_RANK[familyOf(d.kind as EntityKind)] ?? 0) * 0.5 + Math.log1p(d.weight) * 0.2;
    };
    const exact = this.exact.get(norm) ?? [];
    for (const i of exact) found.set(i, { score: 100 + bonus(i), match: 'exact', matched: q });
    // The maker of an exactly named product or model ("Kimi" → Moonshot AI) comes right after it, never before.
    for (const i of exact) {
      const below = (found.get(i)?.score ?? 100) - 0.001;
      for (const maker of this.docs[i]?.makers ?? []) {
        const m = this.byId.get(maker);
        if (m === undefined || (found.get(m)?.score ?? -Infinity) >= below) continue;
        found.set(m, { score: below, match: 'exact', matched: `${q} (its maker)` });
      }
    }
    // Every word of the query must match (AND): the rarest word's documents are the candidates, and each other word
    // is checked against a candidate's own terms. Or the whole query without spaces matches ("bank hangzhou" by its
    // words, "hang zhou" also by "hangzhou").
    const words = tokenize(q)
      .filter((t) => t !== norm)
      .map((w) => this.matchWord(w));
    const quality = new Map<number, number>();
    if (words.length > 0 && words.every((m) => m !== EMPTY_MATCH)) {
      const weights = words.map((m) => this.weightOf(m, 50_000));
      const rarest = weights.indexOf(Math.min(...weights));
      const others = words.filter((_, k) => k !== rarest);
      for (const [d, value] of this.docsOf(words[rarest] as WordMatch)) {
        let sum = value;
        for (const m of others) {
          const v = this.docQuality(m, d);
          if (v === 0) {
            sum = 0;
            break;
          }
          sum += v;
        }
        if (sum > 0) quality.set(d, sum);
      }
    }
    const whole = this.matchWord(norm);
    if (whole !== EMPTY_MATCH) {
      for (const [d, value] of this.docsOf(whole)) {
        const asWords = value * Math.max(1, words.length);
        if ((quality.get(d) ?? 0) < asWords) quality.set(d, asWords);
      }
    }
    let top = 0;
    for (const v of quality.values()) if (v > top) top = v;
    for (const [i, value] of quality) {
      const names = this.normNames[i] ?? [];
      const prefix = names.some((n) => n.startsWith(norm));
      const score = (prefix ? 20 : 0) + (10 * value) / top + bonus(i);
      if ((found.get(i)?.score ?? -Infinity) >= score) continue;
      const d = this.docs[i] as SearchDoc;
      const at = names.findIndex((n) => n.includes(norm));
      found.set(i, { score, match: prefix ? 'prefix' : 'partial', matched: d.names[at] ?? d.names[0] ?? '' });
    }
    // The best `limit`: a numeric sort of the scores finds the threshold, only those above it are ordered in full.
    let threshold = -Infinity;
    if (found.size > limit) {
      const scores = Float64Array.from(found.values(), (f) => f.score).sort();
      threshold = scores[scores.length - limit] as number;
    }
    const ranked: [number, { score: number; match: SearchHit['match']; matched: string }][] = [];
    for (const entry of found) if (entry[1].score >= threshold) ranked.push(entry);
    const idOf = (i: number) => (this.docs[i] as SearchDoc).id;
    ranked.sort(([a, x], [b, y]) => y.score - x.score || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    return ranked.slice(0, limit).map(([i, f]) => {
      const d = this.docs[i] as SearchDoc;
      return {
        id: d.id,
        kind: d.kind,
        name_en: d.name_en,
        name_zh: d.name_zh,
        name_pinyin: d.name_pinyin,
        matched: f.matched,
        match: f.match,
        score: Math.round(f.score * 1000) / 1000,
      };
    });
  }
}
