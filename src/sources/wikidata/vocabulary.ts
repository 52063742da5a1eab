/** The Wikidata properties and classes the connector reads, and what each becomes in the model. */
import type { EntityFamily, EntityKind, Predicate } from '../../model/types.ts';

/**
 * instance of (P31) classes that decide the kind of an item no existing entity matches. Only these few are created;
 * any other unmatched item is reported and skipped. Ids as the Wikidata pages state them: human (Q5) on
 * Property talk:P31, company (Q783794) and university (Q3918) in the query examples the fixtures README cites.
 */
export const CLASS_KINDS: Readonly<Record<string, EntityKind>> = {
  Q5: 'person',
  Q783794: 'company',
  Q3918: 'university',
  Q43229: 'organization',
};

/** Statements that link an item to another: property → predicate, and the families the target may belong to. */
export const LINK_PROPERTIES: Readonly<
  Record<string, { predicate: Predicate; label: string; targets: readonly EntityFamily[] }>
> = {
  P159: { predicate: 'headquartered_in', label: 'headquarters location', targets: ['place'] },
  P17: { predicate: 'located_in', label: 'country', targets: ['place'] },
  P131: { predicate: 'located_in', label: 'located in the administrative territorial entity', targets: ['place'] },
  P112: { predicate: 'founded_by', label: 'founded by', targets: ['person', 'organization'] },
  P69: { predicate: 'educated_at', label: 'educated at', targets: ['organization'] },
};

export const P_INSTANCE_OF = 'P31';
export const P_INCEPTION = 'P571';
export const P_BIRTH = 'P569';
export const P_WEBSITE = 'P856';

/** Label and alias languages read: English and the Chinese variants (traditional ones are folded to simplified). */
export const isEnglish = (lang: string) => lang === 'en' || lang.startsWith('en-');
export const isChinese = (lang: string) => lang === 'zh' || lang.startsWith('zh-');

/** Chinese label languages, most preferred first, for a new entity's simplified name. */
export const ZH_PREFERENCE = ['zh-cn', 'zh-hans', 'zh', 'zh-sg', 'zh-my', 'zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'];
