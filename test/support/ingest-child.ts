// A child process for the crash tests: ingests one Epoch file into a database file, saying when it has started.
import { ingest } from '../../src/ingest/pipeline.ts';
import { epochConnector } from '../../src/sources/epoch/source.ts';
import { Db } from '../../src/store/db.ts';

const [dbFile, input] = process.argv.slice(2);
if (!dbFile || !input) throw new Error('usage: ingest-child <db> <epoch csv>');
const db = await Db.open({ path: dbFile });
process.stdout.write('started\n');
// Each step is announced so the parent can kill the process at a chosen point of the pipeline.
const summary = await ingest(db, epochConnector, input, (phase, done) => process.stdout.write(`${phase} ${done}\n`));
db.close();
process.stdout.write(`done ${summary.inserted}\n`);
