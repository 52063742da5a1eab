/**
 * Derives data/llms-in-china/first_listed.csv: for each row of the bundled LLM list, the first commit of the upstream
 * list (github.com/wgwang/awesome-LLMs-In-China) whose README table names the row's model or its company. That date
 * is an upper bound on when the organisation had a large model: the list records models it has heard of, later.
 *
 * A maintainer runs it against a clone of the upstream repository; nothing else reads the clone.
 *   npx tsx scripts/llm-list-first-listed.ts <path to a clone of awesome-LLMs-In-China>
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const clone = process.argv[2];
if (!clone) {
  console.error('usage: npx tsx scripts/llm-list-first-listed.ts <clone of wgwang/awesome-LLMs-In-China>');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
const git = (...args: string[]) =>
  execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The text of a README cell: a Markdown link's label, else the cell, without spaces. */
const label = (cell: string) => (/\[([^\]]+)\]/.exec(cell)?.[1] ?? cell).replace(/\s+/g, '').trim();

/** The company and model cells of each numbered row of the README's table(s). */
function tableRows(readme: string): { company: string; model: string }[] {
  const rows: { company: string; model: string }[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|');
    if (cells.length < 4 || !/^\s*\d+\s*$/.test(cells[1] ?? '')) continue;
    rows.push({ company: label(cells[2] ?? ''), model: label(cells[3] ?? '') });
  }
  return rows;
}

const commits = git('log', '--reverse', '--format=%H %ad', '--date=short', '--', 'README.md')
  .trim()
  .split('\n')
  .map((l) => {
    const [sha = '', date = ''] = l.split(' ');
    return { sha, date };
  });
const firstModel = new Map<string, { sha: string; date: string }>();
const firstCompany = new Map<string, { sha: string; date: string }>();
for (const c of commits) {
  for (const r of tableRows(git('show', `${c.sha}:README.md`))) {
    if (!firstModel.has(r.model)) firstModel.set(r.model, c);
    if (!firstCompany.has(r.company)) firstCompany.set(r.company, c);
  }
}

// The bundled CSV, read with the simplest parser that its quoting needs (quoted cells may hold commas and quotes).
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) out.push([...row, cell]);
  return out;
}

const [header, ...rows] = parseCsv(readFileSync(join(root, 'data', 'llms-in-china', 'llms_in_china.csv'), 'utf8'));
const col = (name: string) => (header as string[]).indexOf(name);
// Keyed by the row's position (1 = the first data row): the upstream numbering repeats some numbers.
const lines = ['row,seq,first_listed,commit,matched_on'];
let unmatched = 0;
for (const [i, r] of rows.entries()) {
  const seq = r[col('seq')] as string;
  const byModel = firstModel.get(label(r[col('model')] ?? ''));
  const byCompany = firstCompany.get(label(r[col('company')] ?? ''));
  const first = [byModel && { ...byModel, on: 'model' }, byCompany && { ...byCompany, on: 'company' }]
    .filter((x): x is { sha: string; date: string; on: string } => Boolean(x))
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (!first) {
    unmatched++;
    continue;
  }
  lines.push(`${i + 1},${seq},${first.date},${first.sha},${first.on}`);
}
writeFileSync(join(root, 'data', 'llms-in-china', 'first_listed.csv'), `${lines.join('\n')}\n`);
console.log(
  `${commits.length} commits; ${rows.length - unmatched} of ${rows.length} rows dated; ${unmatched} unmatched`,
);
