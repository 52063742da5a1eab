import { join } from 'node:path';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { owidConnector } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: owidConnector,
  fixtures: [f('publications-sample.csv')],
  damaged: [
    { input: f('damaged/bad-year.csv'), expect: /bad-year\.csv, line \d+, field "year": expected a year/ },
    { input: f('damaged/negative.csv'), expect: /negative\.csv, line \d+, field "value"/ },
    {
      input: f('damaged/unknown-code.csv'),
      expect: /unknown-code\.csv, line \d+, field "code": unknown country code "XXX"/,
    },
    { input: f('damaged/no-value-column.csv'), expect: /no-value-column\.csv, line 1, field "value": missing column/ },
  ],
  findable: [{ query: 'China', id: 'country:cn' }],
});
