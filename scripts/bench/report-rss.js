'use strict';
// Preloaded into each benchmarked process: writes its peak resident set size (kB) where the benchmark asks.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.OASGUARD_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
