// Entry and exit on hand-built players: evidence in the segment beats founding years, the founding rule's limits,
// censoring of silence, cited exits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlayerRow } from '../store/queries/segments.ts';
import { lastCompleteYear, playerSpan } from './segment-entry.ts';

function player(over: Partial<PlayerRow>): PlayerRow {
  return {
    org: 'org:x',
    name: 'X',
    kind: 'company',
    ai_class: 'maker',
    city: null,
    founded: null,
    founded_source: null,
    segments: 1,
    first_release: null,
    first_release_thing: null,
    first_release_name: null,
    first_release_source: null,
    last_release: null,
    releases: 0,
    first_price: null,
    first_price_source: null,
    last_price: null,
    first_listed: null,
    first_listed_source: null,
    entered: null,
    entered_source: null,
    status: null,
    status_date: null,
    status_source: null,
    exited: null,
    exited_source: null,
    ...over,
  };
}

test('a university founded in 1893 enters with its first release, never its founding year', () => {
  const s = playerSpan(
    player({
      kind: 'university',
      ai_class: 'research',
      founded: 1893,
      first_release: '2019-07-01',
      first_release_source: 'src:r',
      releases: 1,
    }),
    2024,
  );
  assert.equal(s.group, 'research');
  assert.deepEqual([s.entry?.year, s.entry?.rule, s.entry?.source_id], [2019, 'release', 'src:r']);
});

test('a company founded decades before its first model enters with the model, not the founding', () => {
  const s = playerSpan(player({ founded: 1984, first_listed: '2023-06-01', first_listed_source: 'src:l' }), 2024);
  assert.deepEqual([s.entry?.year, s.entry?.rule], [2023, 'listed']);
});

test('a pure player founded shortly before its first evidence enters at its founding', () => {
  const s = playerSpan(player({ founded: 2022, first_listed: '2023-06-01', founded_source: 'src:f' }), 2024);
  assert.deepEqual([s.entry?.year, s.entry?.rule, s.entry?.source_id], [2022, 'founded', 'src:f']);
  // Tagged with other segments too: not founded for this one.
  const broad = playerSpan(player({ founded: 2022, segments: 3, first_listed: '2023-06-01' }), 2024);
  assert.equal(broad.entry?.rule, 'listed');
  // No evidence at all: the founding year of a pure player is all there is.
  assert.equal(playerSpan(player({ founded: 2016 }), 2024).entry?.rule, 'founded');
  assert.equal(playerSpan(player({ kind: 'lab', ai_class: 'research', founded: 2016 }), 2024).entry, null);
  // The group follows the AI class, not the kind: a company's own AI lab is a commercial player.
  assert.equal(playerSpan(player({ kind: 'lab', ai_class: 'maker', founded: 2016 }), 2024).entry?.rule, 'founded');
});

test('the earliest evidence wins, and a cited entry wins a tie of years', () => {
  const s = playerSpan(
    player({
      segments: 2,
      first_release: '2021-03-01',
      first_price: '2020-11-01',
      entered: '2020-01-01',
      entered_source: 'src:e',
    }),
    2024,
  );
  assert.deepEqual([s.entry?.year, s.entry?.rule], [2020, 'cited']);
});

test('silence is an exit only where every input covers the silent years', () => {
  const quiet = player({ segments: 2, first_release: '2019-01-01', last_release: '2022-05-01', releases: 4 });
  // Last complete year 2023: 2023 alone is silent, one year short of two.
  assert.equal(playerSpan(quiet, 2023).exit, null);
  const s = playerSpan(quiet, 2024);
  assert.deepEqual([s.exit?.year, s.exit?.rule], [2023, 'inactive']);
  // One release says too little to read silence.
  assert.equal(playerSpan({ ...quiet, releases: 1 }, 2030).exit, null);
  // A later price is activity.
  assert.equal(playerSpan({ ...quiet, last_price: '2024-06-01' }, 2025).exit, null);
});

test('a cited exit is used with its date; undated, after the last activity', () => {
  const dated = playerSpan(
    player({
      first_release: '2019-01-01',
      last_release: '2020-01-01',
      status: 'acquired',
      status_date: '2021-08-01',
      status_source: 'src:s',
    }),
    2024,
  );
  assert.deepEqual([dated.exit?.year, dated.exit?.rule, dated.exit?.source_id], [2021, 'cited', 'src:s']);
  const undated = playerSpan(
    player({ first_release: '2019-01-01', last_release: '2020-01-01', status: 'defunct' }),
    2024,
  );
  assert.deepEqual([undated.exit?.year, undated.exit?.rule], [2021, 'cited']);
});

test('the last complete year of an input', () => {
  assert.equal(lastCompleteYear('2025-03-14'), 2024);
  assert.equal(lastCompleteYear('2025-12-31'), 2025);
});
