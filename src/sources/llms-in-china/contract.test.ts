import { join } from 'node:path';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { llmListConnector } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: llmListConnector,
  fixtures: [f('llms-sample.csv')],
  damaged: [
    {
      input: f('damaged/missing-column.csv'),
      expect: /missing-column\.csv, line 1, field "province_city": missing column/,
    },
    { input: f('damaged/short-row.csv'), expect: /short-row\.csv, line 3: expected 9 cells/ },
    { input: f('damaged/empty-company.csv'), expect: /empty-company\.csv, line \d+, field "company": empty company/ },
    { input: f('damaged/header-only.csv'), expect: /header-only\.csv: no rows/ },
  ],
  findable: [
    { query: '智谱华章', id: 'org:zhipu-ai' },
    { query: '山西农业大学', id: 'org:shan-xi-nong-ye-da-xue' },
    { query: 'shan xi nong ye da xue', id: 'org:shan-xi-nong-ye-da-xue' },
  ],
});
