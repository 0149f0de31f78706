'use strict';
// The HTML report of GitHub's description in a real browser (Debian's Chromium, driven by playwright-core): how long
// until its first findings show, and that the page stays quiet (no console error, no request) at that size.
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { pathToFileURL } = require('node:url');
const { chromiumAvailable, launchChromium } = require('../chromium');

/**
 * Opens `htmlFile` `runs` times in a fresh page each: the median milliseconds from navigation to the first finding
 * row, the rows built by then, and every console error and request seen.
 * @returns {Promise<{ available: false } | { available: true, firstRenderMs: number, rows: number, findings: number, megabytes: number, errors: string[], requests: string[] }>}
 */
async function firstRender(htmlFile, jsonFile, runs) {
  if (!chromiumAvailable()) return { available: false };
  const browser = await launchChromium();
  const url = pathToFileURL(htmlFile).href;
  const times = [];
  const errors = [];
  const requests = new Set();
  let rows = 0;
  try {
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage();
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requests.add(request.url()));
      const started = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForSelector('tr.finding');
      times.push(performance.now() - started);
      rows = await page.locator('tr.finding').count();
      await page.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return {
    available: true,
    firstRenderMs: times[Math.floor(times.length / 2)],
    rows,
    findings: JSON.parse(readFileSync(jsonFile, 'utf8')).findings.length,
    megabytes: statSync(htmlFile).size / 1e6,
    errors,
    requests: [...requests].filter((request) => request !== url),
  };
}

/** The report files a run of oasguard writes into `workDir` for `firstRender`. */
const reportFiles = (workDir) => ({ html: join(workDir, 'github.html'), json: join(workDir, 'github.json') });

module.exports = { firstRender, reportFiles };
