import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { NetworkEdgeRow } from '../store/queries/cities.ts';
import type { SearchDoc } from '../store/queries/entities.ts';
import { runCpuTask } from './cpu-tasks.ts';
import { CpuWorker } from './cpu-worker.ts';

const edges: NetworkEdgeRow[] = [
  { source: 'person:a', target: 'org:tsinghua', predicate: 'educated_at', source_id: 's1' },
  { source: 'org:x', target: 'person:a', predicate: 'founded_by', source_id: 's1' },
  { source: 'person:b', target: 'org:tsinghua', predicate: 'educated_at', source_id: 's2' },
  { source: 'org:y', target: 'person:b', predicate: 'founded_by', source_id: 's2' },
];
const labels: [string, { label: string; kind: string }][] = [
  ['org:tsinghua', { label: 'Tsinghua University', kind: 'organization' }],
  ['person:a', { label: 'A', kind: 'person' }],
];
const doc = (id: string, names: string[]): SearchDoc => ({
  id,
  kind: 'organization',
  name_en: names[0] ?? null,
  name_zh: names[1] ?? null,
  name_pinyin: null,
  names,
  weight: 1,
  city: 'Beijing',
  country: 'CN',
  makers: [],
});
const docs = [doc('org:zhipu', ['Zhipu AI', '智谱华章']), doc('org:baidu', ['Baidu', '百度', 'bǎi dù'])];

test('a task on the worker thread gives exactly what it gives on this one', async () => {
  const cpu = new CpuWorker();
  try {
    const [layout, index] = await Promise.all([cpu.run('layout', { edges, labels }), cpu.run('searchIndexJson', docs)]);
    assert.equal(cpu.answered, true, 'the worker answered');
    assert.deepEqual(layout, runCpuTask('layout', { edges, labels }));
    assert.equal(index, runCpuTask('searchIndexJson', docs));
    assert.equal(layout.nodes.length, 5);
  } finally {
    cpu.close();
  }
});

test('a worker that cannot start hands its tasks back to this thread; a failing task rejects with its error', async () => {
  const cpu = new CpuWorker(() => new Worker(new URL('./no-such-worker.mjs', import.meta.url)));
  try {
    assert.equal(await cpu.run('searchIndexJson', docs), runCpuTask('searchIndexJson', docs));
    assert.equal(cpu.answered, false);
  } finally {
    cpu.close();
  }
  const working = new CpuWorker();
  try {
    await assert.rejects(working.run('searchIndexJson', null as never), /null|undefined|map/);
  } finally {
    working.close();
  }
});

test('a closed worker rejects what is still pending and never starts again (it would keep the process alive)', async () => {
  const cpu = new CpuWorker();
  const pending = cpu.run('searchIndexJson', docs);
  cpu.close();
  await assert.rejects(pending, /closed before it answered/);
  await assert.rejects(cpu.run('searchIndexJson', docs), /closed/);
  let started = 0;
  const counted = new CpuWorker(() => {
    started++;
    return new Worker('setInterval(() => {}, 1000)', { eval: true });
  });
  counted.close();
  await assert.rejects(counted.run('nameTerms', ['Zhipu AI']), /closed/);
  assert.equal(started, 0, 'no worker thread started after close');
});
