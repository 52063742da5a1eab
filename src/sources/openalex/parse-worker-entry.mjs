// Worker threads do not inherit the main thread's TypeScript loader on Node 20: register tsx, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
