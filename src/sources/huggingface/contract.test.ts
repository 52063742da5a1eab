import { join } from 'node:path';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { huggingfaceConnector } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: huggingfaceConnector,
  fixtures: [f('sync-2025-11'), f('huggingface-2026-11-22'), f('huggingface-2026-11-29')],
  damaged: [
    {
      input: f('damaged/wrong-types-2025-11.json'),
      expect:
        /wrong-types-2025-11\.json, field "\[1\]\.downloads": .*number.*got "846249" \(model MiniMaxAI\/MiniMax-M2\)/,
    },
    { input: f('damaged/truncated-2025-11.json'), expect: /truncated-2025-11\.json, line 1: JSON ends too early/ },
    { input: f('damaged/missing-id-2025-11.json'), expect: /missing-id-2025-11\.json, field "\[0\]\.id": / },
    { input: f('damaged/empty-2025-11.json'), expect: /empty-2025-11\.json: file is empty/ },
    {
      input: f('damaged/error-object-2025-11.json'),
      expect: /error-object-2025-11\.json: expected a JSON array of models .*"Invalid username or password\."/,
    },
    { input: f('damaged/no-date.json'), expect: /no-date\.json: no sync date/ },
    { input: f('damaged/missing.json'), expect: /missing\.json: cannot read: ENOENT/ },
  ],
  findable: [
    { query: 'moonshotai/Kimi-K2-Thinking', id: 'model:hf-moonshotai-kimi-k2-thinking' },
    { query: 'Qwen/Qwen2.5-Math-7B', id: 'model:hf-qwen-qwen2-5-math-7b' },
    { query: '深度求索', id: 'org:deepseek' },
    { query: 'deepseek-ai', id: 'org:deepseek' },
  ],
});
