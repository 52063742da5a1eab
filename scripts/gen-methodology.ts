import { writeFileSync } from 'node:fs';
import { renderMethodology } from '../src/analytics/methodology.ts';

writeFileSync(new URL('../docs/METHODOLOGY.md', import.meta.url), renderMethodology());
