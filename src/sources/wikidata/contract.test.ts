import { join } from 'node:path';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { wikidataConnector } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: wikidataConnector,
  fixtures: [f('entities'), f('entities/peking-university.json')],
  damaged: [
    { input: f('damaged/truncated.json'), expect: /truncated\.json, line \d+: JSON ends too early/ },
    { input: f('damaged/empty.json'), expect: /empty\.json: file is empty/ },
    {
      input: f('damaged/bad-time.json'),
      expect:
        /bad-time\.json, field "entities\.Q0000001\.claims\.P571\[0\]\.mainsnak\.datavalue\.value\.time": expected a Wikibase time/,
    },
    {
      input: f('damaged/label-not-a-term.json'),
      expect: /label-not-a-term\.json, field "entities\.Q0000001\.labels\.en"/,
    },
    {
      input: f('damaged/no-entities.json'),
      expect: /no-entities\.json, field "entities": no entities in this payload/,
    },
    { input: f('damaged'), expect: /damaged\/bad-time\.json, field "entities\.Q0000001\.claims\.P571/ },
  ],
  findable: [
    { query: '梁文鋒', id: 'person:liang-wenfeng' },
    { query: 'Zhipu AI', id: 'org:zhipu-ai' },
    { query: '深度求索', id: 'org:deepseek' },
    { query: 'Beida', id: 'org:peking-university' },
  ],
});
