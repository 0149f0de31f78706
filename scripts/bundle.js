#!/usr/bin/env node
'use strict';
// Part of `npm run build`, after tsc: bundles the CLI and the lint worker into one file each (dist/bundle/cli.js and
// worker.js), so that a run reads two files instead of resolving and compiling some 700 modules, then records V8's
// code cache for the CLI's bundle after linting the bundled example with it in this process, so that the cache
// holds the functions a lint runs (src/cli/code-cache.ts loads it).
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');
const writeFileAtomic = require('write-file-atomic');
const { codeCacheFile, loadBundle } = require('../dist/cli/code-cache');
const { spectralStartup } = require('./spectral-startup');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const CLI_BUNDLE = join(DIST, 'bundle', 'cli.js');
const EXAMPLE = join(ROOT, 'fixtures', 'examples', 'petstore-insecure.yaml');

async function main() {
  // A cache recorded for an older bundle must never meet the new one: V8 checks little more than the length.
  rmSync(codeCacheFile(CLI_BUNDLE), { force: true });
  await esbuild.build({
    entryPoints: { cli: join(DIST, 'cli', 'main.js'), worker: join(DIST, 'lint', 'worker.js') },
    outdir: join(DIST, 'bundle'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's UMD build requires its parts in a way no bundler follows; its ES module build does not.
    mainFields: ['module', 'main'],
    // Loaded from node_modules on first use (src/stoplight): 5 MB, with the AsyncAPI schemas, that few runs need.
    external: ['@stoplight/spectral-functions', '@stoplight/spectral-rulesets'],
    logLevel: 'error',
    plugins: [spectralStartup],
  });

  /** @type {{ exports: typeof import('../dist/cli/main'), script: import('node:vm').Script }} */
  const { exports: cli, script } = /** @type {any} */ (loadBundle(CLI_BUNDLE));
  const output = [];
  const io = {
    stdout: { write: (/** @type {string} */ text) => output.push(text) },
    stderr: { write: (/** @type {string} */ text) => output.push(text) },
    readStdin: () => Promise.resolve(undefined),
    writeFile: () => Promise.reject(new Error('The build writes no report.')),
    cwd: ROOT,
    env: {},
  };
  // The text report (a terminal's, a hook's) and the JSON one; the example has findings, so each exits 1.
  for (const format of ['text', 'json']) {
    const code = await cli.run(['node', 'oasguard', 'lint', EXAMPLE, '-f', format], io);
    if (code !== 1) throw new Error(`Linting the example with the bundle exited ${code}:\n${output.join('')}`);
  }
  writeFileAtomic.sync(codeCacheFile(CLI_BUNDLE), script.createCachedData());
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
