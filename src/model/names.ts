/** Name handling: simplified-Chinese folding, derived pinyin, normalisation and legal-suffix stripping. Pure. */
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';
import type * as PinyinModule from 'pinyin-pro';

// Both libraries are loaded on first use, not with the module: together they take about 0.17 s to load and set up,
// which every start of the CLI and the server paid whether or not it folded a Chinese name.
const load = createRequire(import.meta.url);

/** Traditional (Taiwan and Hong Kong variants) to simplified, vocabulary included. */
let simplifiers: { tw: (text: string) => string; hk: (text: string) => string } | null = null;
function simplify(text: string): string {
  if (!simplifiers) {
    const OpenCC = load('opencc-js') as typeof OpenCCModule;
    simplifiers = { tw: OpenCC.Converter({ from: 'twp', to: 'cn' }), hk: OpenCC.Converter({ from: 'hk', to: 'cn' }) };
  }
  return simplifiers.hk(simplifiers.tw(text));
}

let pinyinLib: typeof PinyinModule | null = null;

const HAN = /\p{Script=Han}/u;

/**
 * A pure function of one string, remembered: a build folds the same names again for every input it resolves onto
 * them. Bounded, since a server folds what users type too: only strings of a name's length are kept, and past `size`
 * of them the memory starts again (some 25 MB at the very most).
 */
function remembered(f: (text: string) => string, size = 50_000): (text: string) => string {
  let seen = new Map<string, string>();
  return (text) => {
    if (text.length > 128) return f(text);
    let out = seen.get(text);
    if (out === undefined) {
      if (seen.size >= size) seen = new Map();
      out = f(text);
      seen.set(text, out);
    }
    return out;
  };
}

/** True when the text contains at least one Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Folds traditional characters to simplified; leaves other scripts alone. */
export function toSimplified(text: string): string {
  if (!hasHan(text)) return text;
  return simplify(text);
}

/** Toneless pinyin of the Han characters, space-separated ("智谱华章" → "zhi pu hua zhang"); null without Han. */
export function derivePinyin(text: string | null): string | null {
  if (text === null || !hasHan(text)) return null;
  return pinyinOf(text);
}

const pinyinOf = remembered((text) =>
  (pinyinLib ??= load('pinyin-pro') as typeof PinyinModule)
    .pinyin(toSimplified(text), { toneType: 'none', nonZh: 'consecutive', v: true })
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase(),
);

/**
 * The form two names are compared in: NFKC, simplified, lower-case, letters, digits and Han only.
 * "Z.ai" → "zai", "shen du qiu suo" → "shenduqiusuo", "深度求索" → "深度求索".
 */
export const normalizeName: (text: string) => string = remembered((text) =>
  toSimplified(spellPlus(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ''),
);

// Legal and generic suffixes that do not distinguish one organisation from another. Longest first.
const ZH_SUFFIXES = [
  '股份有限公司',
  '集团有限公司',
  '有限责任公司',
  '有限公司',
  '集团',
  '公司',
  '科技',
  '技术',
  '智能',
  '人工智能',
];
const EN_SUFFIXES = [
  'incorporated',
  'inc',
  'ltd',
  'limited',
  'llc',
  'co',
  'corp',
  'corporation',
  'company',
  'group',
  'holdings',
  'technology',
  'technologies',
  'tech',
  'ai',
  'research',
];

/** The name with legal and generic suffixes removed ("商汤科技" → "商汤", "Megvii Inc" → "megvii"), normalised. */
export const stripLegalSuffixes: (text: string) => string = remembered(stripSuffixes);

function stripSuffixes(text: string): string {
  let words = spellPlus(text.normalize('NFKC'))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  while (words.length > 1 && EN_SUFFIXES.includes(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  let joined = normalizeName(words.join(' '));
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of ZH_SUFFIXES) {
      if (joined.endsWith(suffix) && joined.length > suffix.length + 1) {
        joined = joined.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return joined;
}

/**
 * The alternative spellings one raw name stands for: the whole name, and the parts of "A (B)" and "A / B".
 * "Z.ai (Zhipu AI)" → ["Z.ai (Zhipu AI)", "Z.ai", "Zhipu AI"].
 */
export function nameVariants(raw: string): string[] {
  const text = raw.normalize('NFKC').trim();
  const out = [text];
  const paren = /^(.*?)\s*\((.+)\)\s*$/u.exec(text);
  if (paren?.[1] && paren[2]) out.push(paren[1].trim(), paren[2].trim());
  if (text.includes(' / ')) out.push(...text.split(' / ').map((s) => s.trim()));
  // "上海市人工智能实验室" is also written "上海人工智能实验室": a leading city name may carry 市 or not.
  const city = /^(\p{Script=Han}{2,3})市(\p{Script=Han}{2,}.*)$/u.exec(text);
  if (city?.[1] && city[2]) out.push(`${city[1]}${city[2]}`);
  return [...new Set(out.filter((s) => s.length > 0))];
}

/**
 * "+" spelled out: it tells models apart ("DeepLabV3+" is not "DeepLabV3", "PointNet++" not "PointNet"), so names
 * and ids keep it as a word instead of dropping it as punctuation.
 */
function spellPlus(text: string): string {
  return text.includes('+') ? text.replace(/\+/g, ' plus ') : text;
}

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/**
 * A readable, stable id slug: ascii lower-case words joined by hyphens. Han text goes through pinyin, Greek letters
 * are spelled ("PanGu-Σ" → "pangu-sigma", not the "pangu" of "PanGu-α" too) and so is "+".
 */
export function slugify(text: string): string {
  const latin = hasHan(text) ? (derivePinyin(text) ?? text) : text;
  return spellPlus(latin)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[α-ως]/g, (c) => GREEK[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
