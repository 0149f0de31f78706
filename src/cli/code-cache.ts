/**
 * Loads the CLI's bundle (dist/bundle/cli.js, made by scripts/bundle.js) with the V8 code cache the build records
 * beside it, so that a run deserializes the engine's compiled code instead of compiling it: compiling was a fifth of
 * a small lint. A cache V8 rejects (another Node version) only costs that time back. The cache is part of the
 * installed package; nothing here writes one.
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Where the build records a bundle's code cache: beside it. */
export const codeCacheFile = (bundle: string) => `${bundle}.v8-cache`;

/** The bundle as a CommonJS module, run in this context; the script, for the build to record its cache. */
export function loadBundle(bundle: string): { exports: unknown; script: Script } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(bundle));
  } catch {
    // Not recorded yet (the build records it by running this bundle): compile.
  }
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, script };
}
