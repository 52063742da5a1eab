/** Renders docs/METHODOLOGY.md from the metric registry, so the two cannot drift apart. */
import { type Metric, METRICS } from './metrics.ts';

export function renderMethodology(): string {
  const parts = [
    '# Methodology',
    '',
    'Generated from `src/analytics/metrics.ts` by `npm run docs:methodology`; a test fails when it is out of date.',
    '',
  ];
  for (const m of METRICS as readonly Metric[]) {
    parts.push(
      `## ${m.id}`,
      '',
      `**${m.title}** (unit: ${m.unit})`,
      '',
      `*Definition.* ${m.definition}`,
      '',
      `*Method.* ${m.method}`,
      '',
      '*Caveats.*',
      '',
      ...m.caveats.map((c) => `- ${c}`),
      '',
      `*Sources.* ${[...m.sources.map((s) => `\`${s}\``), ...(m.perRecord ? [m.perRecord] : [])].join('; ')} ` +
        '(full entries at `/api/sources`).',
      '',
      `*Computed by* \`src/${m.query}\`.`,
      '',
    );
  }
  return parts.join('\n');
}
