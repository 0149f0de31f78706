'use strict';
// Runs a command in a child process and measures its wall time and peak resident set size. The peak comes from the
// child itself (process.resourceUsage() at exit, through a preloaded module), so worker threads count and no
// external `time` program is needed.
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const REPORT_RSS = join(__dirname, 'report-rss.js');

/**
 * One run of `node args...`: wall seconds, peak RSS in MB, exit code (null when killed by a signal), standard output.
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string> }} [options]
 */
function runNode(args, { cwd, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-bench-'));
  const rssFile = join(dir, 'rss');
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', REPORT_RSS, ...args], {
      cwd,
      env: { ...process.env, ...env, OASGUARD_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const stdout = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let rssMb = NaN;
      try {
        rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        // A child killed before exiting normally reports no peak.
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ seconds, rssMb, code, signal, stderr, stdout: Buffer.concat(stdout).toString('utf8') });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * @typedef {{ seconds: number, rssMb: number, code: number | null, signal: NodeJS.Signals | null, stderr: string, stdout: string }} Run
 * @typedef {{ runs: number, crashes: number, crash: string | undefined, seconds: number, rssMb: number, stdout: string }} Measured
 */

/** A lint with findings exits 1; any other exit code than these is a crash. */
const OK_CODES = /** @type {(number | null)[]} */ ([0, 1]);

/**
 * The medians of wall time and peak RSS over a command's runs, and the standard output of its last completed run. A
 * run whose exit code is not in OK_CODES is a crash: it is counted, and left out of the medians.
 */
/** @param {Run[]} results @returns {Measured} */
function summarize(results) {
  const completed = results.filter((result) => OK_CODES.includes(result.code));
  const crashes = results.filter((result) => !OK_CODES.includes(result.code));
  return {
    runs: results.length,
    crashes: crashes.length,
    crash: crashes[0] && `exit ${crashes[0].code ?? crashes[0].signal}: ${crashes[0].stderr.trim().split('\n').slice(-3).join(' | ')}`,
    seconds: completed.length > 0 ? median(completed.map((r) => r.seconds)) : NaN,
    rssMb: completed.length > 0 ? median(completed.map((r) => r.rssMb)) : NaN,
    stdout: completed.at(-1)?.stdout ?? '',
  };
}

/**
 * `runs` runs of `node args...`.
 * @param {string[]} args
 * @param {{ runs: number, cwd?: string, env?: Record<string, string> }} options
 */
async function measure(args, { runs, ...options }) {
  return (await compare({ command: args }, { runs, ...options })).command;
}

/**
 * `runs` runs of each named command, in turn (a, b, a, b...), so that a change in the machine's load during the
 * benchmark weighs on all of them alike.
 * @template {string} Name
 * @param {Record<Name, string[]>} commands
 * @param {{ runs: number, cwd?: string, env?: Record<string, string> }} options
 * @returns {Promise<Record<Name, Measured>>}
 */
async function compare(commands, { runs, ...options }) {
  /** @type {Record<string, Run[]>} */
  const results = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, args] of Object.entries(commands)) results[name].push(await runNode(args, options));
  }
  return /** @type {Record<Name, Measured>} */ (Object.fromEntries(Object.entries(results).map(([name, list]) => [name, summarize(list)])));
}

module.exports = { compare, measure, median };
