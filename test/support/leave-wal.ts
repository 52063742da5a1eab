// Child process for test/data-safety.test.ts: writes to a database and dies by SIGKILL before any checkpoint, so the
// file is left with a write-ahead log (and a stale writer lock), as a crashed ingest leaves it.
import { Db } from '../../src/store/db.ts';
import { sql } from '../../src/store/sql.ts';

const path = process.argv[2] as string;
const db = await Db.open({ path });
await db.run(sql`INSERT INTO build_info VALUES ('crash-marker', 'written, never checkpointed')`);
process.kill(process.pid, 'SIGKILL');
