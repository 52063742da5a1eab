import { join } from 'node:path';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { bundledDb } from '../../../test/support/bundled.ts';
import { openalexGeoContext } from '../../store/queries/openalex.ts';
import { createOpenAlexFileConnector } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

// The contract loads the bundled data into its own database; the geo context is read from an identical one.
const reference = await bundledDb();
const geo = await openalexGeoContext(reference);
reference.close();

connectorContract({
  connector: createOpenAlexFileConnector({ geo: async () => geo }),
  fixtures: [
    f('W2741809807.json'),
    f('W-api-response.json'),
    f('I27837315.json'),
    f('synthetic-institutions-page.json'),
    f('synthetic-work-tsinghua.json'),
  ],
  damaged: [
    { input: f('damaged/truncated.json'), expect: /truncated\.json, line \d+: JSON ends too early/ },
    { input: f('damaged/wrong-type.json'), expect: /wrong-type\.json, field "publication_year": .*"2018"/ },
    {
      input: f('damaged/bad-country.json'),
      expect: /bad-country\.json, field "authorships\[2\]\.institutions\[1\]\.country_code": expected an ISO 3166-1/,
    },
    { input: f('damaged/author.json'), expect: /author\.json, field "id": not an OpenAlex work or institution/ },
    { input: f('damaged/empty.json'), expect: /empty\.json: file is empty/ },
  ],
  findable: [
    { query: 'Impact Technology Development', id: 'org:openalex-i4210166736' },
    { query: '清华大学', id: 'org:tsinghua-university' },
    { query: 'Public Knowledge Project', id: 'org:openalex-i4387153203' },
  ],
});
