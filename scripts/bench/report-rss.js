'use strict';
// Preloaded into each benchmarked process: writes its peak resident set size (kB) where the benchmark asks.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.OASGUARD_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
