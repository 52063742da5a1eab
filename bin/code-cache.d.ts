/** Types of code-cache.js (plain JavaScript, run before any TypeScript is compiled). */
export function runWithCodeCache(bundle: string): {
  exports: Record<string, unknown>;
  /** Whether V8 took the bundle's functions from the cache: none to take, turned away, or used. */
  cache: 'none' | 'rejected' | 'used';
  /** Settles when a new cache is written (true) or could not be, or was not needed (false). */
  written: Promise<boolean>;
};
