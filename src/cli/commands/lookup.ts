/** `show`, `search` and `sql`: read-only looks at the database. */
import type { Command } from 'commander';
import { servingState } from '../../api/serving.ts';
import { computeEntityPayload } from '../../payloads/entity.ts';
import { getEntities } from '../../store/queries/entities.ts';
import { runReadOnlyQuery } from '../../store/read-only-query.ts';
import { type GlobalOptions, withReadOnlyDb } from '../context.ts';
import { printJson, printTable } from '../output.ts';

export function lookupCommands(program: Command): void {
  program
    .command('search')
    .description('find entities by English, Chinese, pinyin or alias')
    .argument('<text...>')
    .option('--limit <n>', 'results', '10')
    .action(async (words: string[], opts: { limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withReadOnlyDb(g, async (db) => {
        const hits = (await servingState(db)).search.search(words.join(' '), Number(opts.limit) || 10);
        if (g.json) return printJson(hits);
        printTable(hits, ['id', 'kind', 'name_en', 'name_zh', 'name_pinyin', 'match']);
      });
    });

  program
    .command('show')
    .description('one entity with its names, facts and relations, each with its source')
    .argument('<id-or-name...>')
    .action(async (words: string[], _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withReadOnlyDb(g, async (db) => {
        const query = words.join(' ');
        let [entity] = await getEntities(db, [query]);
        if (!entity) {
          const hit = (await servingState(db)).search.search(query, 1)[0];
          if (hit) [entity] = await getEntities(db, [hit.id]);
        }
        if (!entity) throw new Error(`nothing found for "${query}"`);
        const payload = await computeEntityPayload(db, entity.id);
        if (!payload) throw new Error(`nothing found for "${query}"`);
        const { names, facts, relations, claims, sources } = payload;
        const profile = payload.ai_class;
        const sourceIds = [
          ...new Set([
            ...[...names, ...facts, ...relations, ...claims].map((r) => r.source_id),
            ...claims.flatMap((c) => c.evidence.map((e) => e.source_id)),
            ...(profile?.source_id ? [profile.source_id] : []),
          ]),
        ];
        if (g.json) return printJson(payload);
        const title = [entity.name_en, entity.name_zh, entity.name_pinyin].filter(Boolean).join(' · ');
        process.stdout.write(`${entity.id} (${entity.kind}) ${title}\n`);
        if (entity.segments.length) process.stdout.write(`segments: ${entity.segments.join(', ')}\n`);
        if (entity.city || entity.country)
          process.stdout.write(`where: ${[entity.city, entity.country].filter(Boolean).join(', ')}\n`);
        if (entity.description) process.stdout.write(`${entity.description}\n`);
        const footnote = new Map(sourceIds.map((id, i) => [id, i + 1]));
        if (profile)
          process.stdout.write(
            `AI class: ${profile.class} (${profile.basis})${profile.source_id ? ` [${footnote.get(profile.source_id)}]` : ''}\n`,
          );
        printTable(
          facts.map((f) => ({
            ...f,
            value: f.disputed ? `${f.value} (disputed)` : f.value,
            src: `[${footnote.get(f.source_id)}]`,
          })),
          ['attr', 'value', 'unit', 'as_of', 'src'],
        );
        printTable(
          relations.map((r) => ({ ...r, src: `[${footnote.get(r.source_id)}]` })),
          ['direction', 'predicate', 'other_id', 'other_name', 'src'],
        );
        for (const c of claims) {
          process.stdout.write(
            `claim: ${c.value}${c.unit ? ` ${c.unit}` : ''} ${c.counts} (${c.speaker}; ${c.status}) [${footnote.get(c.source_id)}]\n`,
          );
          for (const e of c.evidence) process.stdout.write(`  ${e.stance}: ${e.note} [${footnote.get(e.source_id)}]\n`);
        }
        for (const s of sources)
          process.stdout.write(
            `[${footnote.get(s.id)}] ${s.title}. ${s.publisher}, ${s.published ?? 'n.d.'}. ${s.url} (${s.licence})\n`,
          );
      });
    });

  program
    .command('sql')
    .description('run one read-only SELECT (anything else is refused)')
    .argument('<query>')
    .option('--timeout <seconds>', 'stop the query after this long', '30')
    .action(async (query: string, opts: { timeout: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const seconds = Number(opts.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
        throw new Error('--timeout must be a number of seconds from 1 to 3600');
      // A time cap (the statement is interrupted) and a memory cap (set by runReadOnlyQuery) on every user query.
      const rows = await withReadOnlyDb(g, (db) => runReadOnlyQuery(db, query, 10_000, seconds * 1000));
      if (g.json) return printJson(rows);
      printTable(rows);
    });
}
