import { join } from 'node:path';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { epochConnector } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: epochConnector,
  fixtures: [f('notable-sample.csv'), f('notable-sample-bom.csv')],
  damaged: [
    {
      input: f('damaged/truncated.csv'),
      expect: /truncated\.csv, line \d+: (quoted cell is never closed|expected 46 cells)/,
    },
    { input: f('damaged/empty.csv'), expect: /empty\.csv: file is empty/ },
    { input: f('damaged/renamed-column.csv'), expect: /renamed-column\.csv, line 1, field "country": missing column/ },
    {
      input: f('damaged/bad-date.csv'),
      expect: /bad-date\.csv, line \d+, field "Publication date": expected YYYY-MM-DD/,
    },
    { input: f('damaged/invalid-utf8.csv'), expect: /invalid-utf8\.csv, line \d+: not valid UTF-8/ },
  ],
  findable: [
    { query: 'GLM-4.7', id: 'model:glm-4-7' },
    { query: '智谱', id: 'org:zhipu-ai' },
  ],
});
