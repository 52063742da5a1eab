/** Hugging Face organisation handles: which ones a sync reads by default, and the names they resolve by. */

/** The organisations a live sync reads when none are named: the main Chinese labs, and a few foreign peers. */
export const DEFAULT_ORGS: readonly string[] = [
  'deepseek-ai',
  'Qwen',
  'zai-org',
  'THUDM',
  'moonshotai',
  'MiniMaxAI',
  'baichuan-inc',
  '01-ai',
  'internlm',
  'stepfun-ai',
  'tencent',
  'baidu',
  'ByteDance-Seed',
  'meta-llama',
  'mistralai',
  'google',
];

/**
 * Handle → the names the publishing organisation goes by, tried in order against existing organisations. A handle
 * is a namespace, not a name ("deepseek-ai" is DeepSeek, "Qwen" is Alibaba Cloud's model team), so it is not
 * resolved on its own unless nothing here matches; it is then kept as an alias of the organisation it resolved to.
 */
export const ORG_NAMES: Readonly<Record<string, readonly string[]>> = {
  'deepseek-ai': ['DeepSeek'],
  Qwen: ['Alibaba Cloud', 'Qwen'],
  'zai-org': ['Zhipu AI'],
  // THUDM is the Tsinghua KEG/THUDM namespace where the GLM models were first published with Zhipu AI.
  THUDM: ['Zhipu AI'],
  moonshotai: ['Moonshot AI'],
  MiniMaxAI: ['MiniMax'],
  'baichuan-inc': ['Baichuan'],
  '01-ai': ['01.AI'],
  internlm: ['Shanghai AI Lab'],
  'stepfun-ai': ['StepFun'],
  tencent: ['Tencent'],
  baidu: ['Baidu'],
  'ByteDance-Seed': ['ByteDance'],
  'meta-llama': ['Meta'],
  mistralai: ['Mistral AI'],
  google: ['Google'],
};

/** The names to try for a handle (handles are matched case-insensitively, as the Hub does). */
export function namesForHandle(handle: string): readonly string[] {
  const known =
    ORG_NAMES[handle] ?? Object.entries(ORG_NAMES).find(([h]) => h.toLowerCase() === handle.toLowerCase())?.[1];
  return [...(known ?? []), handle];
}
