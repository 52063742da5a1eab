/**
 * The names and identity facts an input resolves against, kept through a series of ingests (`KnownSoFar`): what the
 * bundled build maps each input with, ahead of the merges before it (bundled-mapping.ts).
 */
import type { Bundle } from '../model/bundle.ts';
import { IDENTITY_ATTRIBUTES, type KnownKey, type KnownName } from '../model/resolver.ts';
import type { EntityKind } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import {
  type DatasetNameRow,
  entityKinds,
  keysOfDatasets,
  namesOfDatasets,
  orphanNames,
} from '../store/queries/entities.ts';

/** What an input's names resolve against. */
export interface Known {
  names: KnownName[];
  keys: KnownKey[];
}

/**
 * The names and identity facts of a database as a series of ingests changes it: read whole once, then kept up to
 * date after each ingest. Equal, for each input, to reading `knownNames` and `knownKeys` again, at a small part of the
 * cost. Two ways to keep it: `changed` reads the rows of the dataset an ingest replaced from the database once the
 * ingest has committed; `predict` tells them from the input's mapped bundle before it is merged (a dataset the
 * database does not hold yet: then every name and identity fact of the bundle is inserted as it is), so the next
 * input can be mapped while this one is merged.
 */
export class KnownSoFar {
  private names: DatasetNameRow[] | null = null;
  private keys: { entityId: string; attr: string; value: string; dataset: string }[] = [];
  /** Kind and dataset of every entity, and the names no entity has yet: what `predict` needs (read by `load`). */
  private entities: Map<string, { kind: string; dataset: string }> | null = null;
  private orphans: { entityId: string; name: string; nameDataset: string }[] = [];
  /** Datasets that hold an entity, a name or an identity fact. */
  private readonly held = new Set<string>();

  /** Reads the names, identity facts and entities of the database whole (once). */
  async load(db: Db): Promise<void> {
    if (this.names !== null) return;
    this.names = await namesOfDatasets(db, null);
    this.keys = await keysOfDatasets(db, IDENTITY_ATTRIBUTES, null);
    this.entities = new Map((await entityKinds(db)).map((e) => [e.id, { kind: e.kind, dataset: e.dataset }]));
    this.orphans = await orphanNames(db);
    for (const n of this.names) this.held.add(n.nameDataset).add(n.entityDataset);
    for (const k of this.keys) this.held.add(k.dataset);
    for (const e of this.entities.values()) this.held.add(e.dataset);
    for (const o of this.orphans) this.held.add(o.nameDataset);
  }

  /**
   * Call after an ingest of `dataset` committed (or failed: nothing of it changed then, and re-reading is harmless).
   * From then on `predict` declines: only names and identity facts are read again here, not the entities.
   */
  async changed(db: Db, dataset: string): Promise<void> {
    if (this.names === null) return;
    this.entities = null;
    this.held.add(dataset);
    const names = await namesOfDatasets(db, [dataset]);
    const keys = await keysOfDatasets(db, IDENTITY_ATTRIBUTES, [dataset]);
    this.names = this.names.filter((n) => n.nameDataset !== dataset && n.entityDataset !== dataset).concat(names);
    this.keys = this.keys.filter((k) => k.dataset !== dataset).concat(keys);
  }

  /**
   * Takes in what an ingest of `bundle` as `dataset` will add, before it is merged, and says whether it could. It
   * can when the database holds nothing of `dataset` yet (no entity, name or identity fact): the merge then inserts
   * every distinct name and identity fact of the bundle, and each entity whose id no other dataset holds. It cannot
   * when an entity id comes twice in the bundle with two kinds (which row the merge keeps is then the database's
   * choice), or once `changed` has been used; then the caller waits for the ingest and calls `changed`.
   * Nothing is taken in when it says no.
   */
  predict(dataset: string, bundle: Pick<Bundle, 'entities' | 'names' | 'facts'>): boolean {
    const { names, entities } = this;
    if (names === null || entities === null) return false;
    if (this.held.has(dataset)) return false;
    const added = new Map<string, string>();
    for (const e of bundle.entities) {
      if (entities.has(e.id)) continue;
      const kind = added.get(e.id);
      if (kind !== undefined && kind !== e.kind) return false;
      added.set(e.id, e.kind);
    }
    for (const [id, kind] of added) entities.set(id, { kind, dataset });
    this.held.add(dataset);
    // Names written before their entity existed join it now.
    const orphans: typeof this.orphans = [];
    for (const o of this.orphans) {
      const kind = added.get(o.entityId);
      if (kind === undefined) orphans.push(o);
      else names.push({ ...o, kind, entityDataset: dataset });
    }
    this.orphans = orphans;
    // One row per distinct (entity, name, kind of name), as the table's key keeps them.
    const seen = new Set<string>();
    for (const n of bundle.names) {
      const key = `${n.entityId}\u0000${n.name}\u0000${n.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entity = entities.get(n.entityId);
      if (entity) {
        names.push({
          entityId: n.entityId,
          kind: entity.kind,
          name: n.name,
          nameDataset: dataset,
          entityDataset: entity.dataset,
        });
      } else this.orphans.push({ entityId: n.entityId, name: n.name, nameDataset: dataset });
    }
    const identity = new Set<string>(IDENTITY_ATTRIBUTES);
    const keys = new Set<string>();
    for (const f of bundle.facts) {
      if (!identity.has(f.attr)) continue;
      const key = `${f.entityId}\u0000${f.attr}\u0000${f.value}`;
      if (keys.has(key)) continue;
      keys.add(key);
      this.keys.push({ entityId: f.entityId, attr: f.attr, value: f.value, dataset });
    }
    return true;
  }

  /** What an input of `dataset` resolves against now (after `load`): every name and key but the dataset's own. */
  knownFor(dataset: string): Known {
    if (this.names === null) throw new Error('KnownSoFar.knownFor before load');
    return {
      names: this.names
        .filter((n) => n.nameDataset !== dataset && n.entityDataset !== dataset)
        .map((n) => ({ entityId: n.entityId, kind: n.kind as EntityKind, name: n.name })),
      keys: this.keys.filter((k) => k.dataset !== dataset),
    };
  }
}
