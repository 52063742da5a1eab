/**
 * One sync of the Hub listing → model rows. Each repo is an ai-model entity `model:hf-<slug of repo id>`, developed
 * by its publishing organisation (resolved onto existing organisations through the known handle names), based on the
 * repos its `base_model:` tags name, and observed on the sync date (downloads, likes). Pure.
 */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { slugify } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import type { HuggingFaceInput } from './listing.ts';
import { namesForHandle } from './orgs.ts';
import { baseModelsOf, licenseOf, ownerOf } from './schema.ts';

export const HF_METRICS = {
  downloads: {
    metric: 'hf.downloads',
    unit: 'downloads',
    // huggingface_hub documents ModelInfo.downloads as the count over the last 30 days (downloadsAllTime is the sum).
    note: 'downloads in the 30 days before the sync, as the Hub counts them',
  },
  likes: { metric: 'hf.likes', unit: 'likes', note: null },
} as const;

/** The entity id of a repo: `deepseek-ai/DeepSeek-R1` → `model:hf-deepseek-ai-deepseek-r1`. */
export function modelIdOf(repo: string): string {
  return `model:hf-${slugify(repo) || 'unnamed'}`;
}

export function mapHuggingFace(input: HuggingFaceInput, resolver: Resolver): Bundle {
  const b = emptyBundle();
  const src = input.source.id;
  const period = input.syncDate;
  b.sources.push(input.source);

  const issue = (entityId: string | null, field: string, value: string, message: string) =>
    b.issues.push({ sourceId: src, entityId, field, value, message, line: null });

  // Repo → entity id, and entity id → the repo that took it (two repo ids can slug alike: "a.b" and "a_b").
  const models = new Map<string, string | null>();
  const repoOfId = new Map<string, string>();
  const modelEntity = (repo: string): string | null => {
    const known = models.get(repo);
    if (known !== undefined) return known;
    const id = modelIdOf(repo);
    const taken = repoOfId.get(id);
    if (taken !== undefined) {
      issue(id, 'id', repo, `repo "${repo}" makes the same entity id as "${taken}"; only "${taken}" is kept`);
      models.set(repo, null);
      return null;
    }
    repoOfId.set(id, repo);
    models.set(repo, id);
    resolver.add(id, 'ai-model', [repo]);
    b.entities.push({ id, kind: 'ai-model', nameEn: repo, nameZh: null, namePinyin: null, description: null });
    b.names.push({ entityId: id, name: repo, kind: 'en', sourceId: src });
    b.entitySources.push({ entityId: id, sourceId: src });
    return id;
  };

  // Handle → organisation: through the names the handle is known by, else the handle itself, else a new entity.
  const orgs = new Map<string, string | null>();
  const orgEntity = (handle: string, firstModelId: string): string | null => {
    const known = orgs.get(handle);
    if (known !== undefined) return known;
    let result: string | null = null;
    let settled = false;
    for (const name of namesForHandle(handle)) {
      const found = resolver.resolve(name, 'organization');
      if (found.type === 'ambiguous') {
        issue(
          firstModelId,
          'author',
          handle,
          `ambiguous organisation "${name}": equally matches ${found.candidates.join(', ')}; no developer recorded`,
        );
        settled = true;
        break;
      }
      if (found.type === 'match') {
        result = found.entityId;
        b.resolutions.push({
          rawName: handle,
          entityId: found.entityId,
          method: name === handle ? found.method : 'known-handle',
        });
        // The handle becomes a searchable alias of the organisation ("deepseek-ai" finds DeepSeek).
        if (name !== handle) b.names.push({ entityId: found.entityId, name: handle, kind: 'alias', sourceId: src });
        settled = true;
        break;
      }
    }
    if (!settled) {
      const base = `org:hf-${slugify(handle) || 'unnamed'}`;
      let id = base;
      for (let n = 2; resolver.has(id); n++) id = `${base}-${n}`;
      resolver.add(id, 'organization', [handle]);
      b.entities.push({ id, kind: 'organization', nameEn: handle, nameZh: null, namePinyin: null, description: null });
      b.names.push({ entityId: id, name: handle, kind: 'en', sourceId: src });
      b.entitySources.push({ entityId: id, sourceId: src });
      result = id;
    }
    orgs.set(handle, result);
    return result;
  };

  // Sorted by repo id: the listing's own order (last modified) changes between syncs, the ids must not.
  const listed = [...input.models].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const m of listed) {
    const id = modelEntity(m.id);
    if (id === null) continue;
    const fact = (attr: string, value: string | null | undefined, asOf: string | null, note: string | null = null) => {
      if (value === null || value === undefined || value === '') return;
      b.facts.push({ entityId: id, attr, value, unit: null, asOf, note, estimate: false, sourceId: src });
    };
    fact('link', `https://huggingface.co/${m.id}`, null);
    fact('created_at', m.createdAt?.slice(0, 10), null);
    // What the repo declares can change (a licence, a task), so these are stated as of the sync.
    fact('license', licenseOf(m.tags), period);
    fact('pipeline_tag', m.pipeline_tag, period);
    fact('library', m.library_name, period);

    const owner = ownerOf(m.id);
    if (owner === null) {
      issue(id, 'id', m.id, 'repo id has no organisation namespace; no developer recorded');
    } else {
      const orgId = orgEntity(owner, id);
      if (orgId !== null) b.relations.push({ subjectId: orgId, predicate: 'developed', objectId: id, sourceId: src });
    }

    for (const base of baseModelsOf(m.tags)) {
      if (base.repo === m.id) {
        issue(id, 'tags', `base_model:${base.repo}`, 'repo names itself as its base model; ignored');
        continue;
      }
      const baseId = modelEntity(base.repo);
      if (baseId === null) continue;
      b.relations.push({ subjectId: id, predicate: 'based_on', objectId: baseId, sourceId: src });
      fact('base_model', base.repo, null, base.relation);
    }

    const observe = (spec: (typeof HF_METRICS)[keyof typeof HF_METRICS], value: number | undefined) => {
      if (value === undefined) return;
      b.observations.push({
        metric: spec.metric,
        subjectId: id,
        period,
        value,
        unit: spec.unit,
        note: spec.note,
        sourceId: src,
      });
    };
    observe(HF_METRICS.downloads, m.downloads);
    observe(HF_METRICS.likes, m.likes);
  }

  for (const d of input.duplicates) {
    issue(models.get(d.id) ?? null, 'id', d.id, `listed again in ${d.where}; the first listing is kept`);
  }
  return b;
}
