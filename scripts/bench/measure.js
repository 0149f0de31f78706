'use strict';
// Runs a command in a child process and measures its wall time and peak resident set size. The peak comes from the
// child itself (process.resourceUsage() at exit, through a preloaded module), so worker threads count and no
// external `time` program is needed.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const REPORT_RSS = join(__dirname, 'report-rss.js');

/**
 * One run of `node args...`: wall seconds, peak RSS in MB, exit code (null when killed by a signal).
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
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
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
      resolve({ seconds, rssMb, code, signal, stderr });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `runs` runs of a command; the medians of wall time and peak RSS. A run whose exit code is not in `okCodes` (a
 * lint with findings exits 1) is a crash: it is counted, and its medians are left out.
 */
async function measure(args, { runs, okCodes = [0, 1], ...options }) {
  const completed = [];
  const crashes = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await runNode(args, options);
    if (okCodes.includes(result.code)) completed.push(result);
    else crashes.push(result);
  }
  return {
    runs,
    crashes: crashes.length,
    crash: crashes[0] && `exit ${crashes[0].code ?? crashes[0].signal}: ${crashes[0].stderr.trim().split('\n').slice(-3).join(' | ')}`,
    seconds: completed.length > 0 ? median(completed.map((r) => r.seconds)) : NaN,
    rssMb: completed.length > 0 ? median(completed.map((r) => r.rssMb)) : NaN,
  };
}

module.exports = { measure, median };
