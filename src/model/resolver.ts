/** Entity resolution by name: exact normalised names and aliases first, then variants and stripped legal suffixes. */
import { familyOf, type EntityFamily, type EntityKind } from './types.ts';
import { nameVariants, normalizeName, stripLegalSuffixes } from './names.ts';

export type Resolved =
  | { type: 'match'; entityId: string; method: 'exact' | 'variant' | 'stripped' }
  | { type: 'ambiguous'; candidates: string[] }
  | { type: 'none' };

export interface KnownName {
  entityId: string;
  kind: EntityKind;
  name: string;
}

/** Facts that identify an entity outright: a match on one of these beats any name. */
export const IDENTITY_ATTRIBUTES = ['moe_code', 'wikidata', 'openalex_id', 'admin_code', 'iso_code', 'ror'] as const;

export interface KnownKey {
  entityId: string;
  attr: string;
  value: string;
}

export class Resolver {
  private readonly keys = new Map<string, Set<string>>();
  private readonly exact = new Map<string, Set<string>>();
  private readonly stripped = new Map<string, Set<string>>();
  private readonly verbatim = new Map<string, Set<string>>();
  private readonly kinds = new Map<string, EntityKind>();

  constructor(known: Iterable<KnownName>, keys: Iterable<KnownKey> = []) {
    for (const k of known) this.add(k.entityId, k.kind, [k.name]);
    for (const k of keys) addTo(this.keys, `${k.attr}=${k.value}`, k.entityId);
  }

  /** The one entity an identity fact (an MOE code, a Wikidata id …) belongs to; undefined when none or several. */
  byKey(attr: (typeof IDENTITY_ATTRIBUTES)[number], value: string): string | undefined {
    const ids = this.keys.get(`${attr}=${value}`);
    return ids?.size === 1 ? [...ids][0] : undefined;
  }

  /** Registers names of an entity (existing, or created by the input being mapped). */
  add(entityId: string, kind: EntityKind, names: Iterable<string>): void {
    this.kinds.set(entityId, kind);
    for (const name of names) {
      const norm = normalizeName(name);
      if (norm.length === 0) continue;
      addTo(this.verbatim, verbatimKey(name), entityId);
      addTo(this.exact, norm, entityId);
      addTo(this.stripped, stripLegalSuffixes(name), entityId);
    }
  }

  /**
   * The entities of one family with a name written exactly so (case, "+" and all): where two models
   * differ only in case ("CALM" and "CaLM"), the compared names of `resolve` cannot tell them apart.
   */
  spelled(rawName: string, family: EntityFamily): string[] {
    const ids = [...(this.verbatim.get(verbatimKey(rawName)) ?? [])].filter((id) => {
      const kind = this.kinds.get(id);
      return kind !== undefined && familyOf(kind) === family;
    });
    return ids.sort();
  }

  has(entityId: string): boolean {
    return this.kinds.has(entityId);
  }

  kindOf(entityId: string): EntityKind | undefined {
    return this.kinds.get(entityId);
  }

  private placeQualified(rawName: string): boolean {
    const paren = /\(([^()]+)\)\s*$/u.exec(rawName.normalize('NFKC'));
    if (!paren?.[1]) return false;
    const ids = this.exact.get(normalizeName(paren[1])) ?? new Set<string>();
    return [...ids].some((id) => {
      const kind = this.kinds.get(id);
      return kind !== undefined && familyOf(kind) === 'place';
    });
  }

  /**
   * Resolves a raw name among entities of one family. Two equally good candidates are reported, never guessed.
   * "Z.ai (Zhipu AI)" resolves through its variant "Zhipu AI"; "商汤科技" through the stripped form "商汤".
   * `kinds` narrows the family (a city, not the province of the same name).
   */
  resolve(rawName: string, family: EntityFamily, kinds?: readonly EntityKind[]): Resolved {
    // "Northeastern University (China)" or "哈尔滨工业大学（深圳）": a place in parentheses marks a distinct
    // entity (campus, namesake), so the name is not split into its parts.
    const variants = this.placeQualified(rawName) ? [rawName] : nameVariants(rawName);
    const steps: [Map<string, Set<string>>, (s: string) => string, 'exact' | 'variant' | 'stripped', string[]][] = [
      [this.exact, normalizeName, 'exact', [rawName]],
      [this.exact, normalizeName, 'variant', variants.slice(1)],
      [this.stripped, stripLegalSuffixes, 'stripped', variants],
    ];
    for (const [index, keyOf, method, names] of steps) {
      const found = new Set<string>();
      for (const name of names) {
        for (const id of index.get(keyOf(name)) ?? []) {
          const kind = this.kinds.get(id);
          if (kind !== undefined && familyOf(kind) === family && (!kinds || kinds.includes(kind))) found.add(id);
        }
      }
      if (found.size === 1) return { type: 'match', entityId: [...found][0] as string, method };
      if (found.size > 1) return { type: 'ambiguous', candidates: [...found].sort() };
    }
    return { type: 'none' };
  }
}

/** A name as written, spaces at its ends aside (no folding: it is what tells "CALM" from "CaLM"). */
function verbatimKey(name: string): string {
  return name.trim();
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  if (key.length === 0) return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}
