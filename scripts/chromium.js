'use strict';
// Debian's Chromium (apt-get install chromium), driven by playwright-core, which downloads no browser: for the HTML
// report's browser test and the bench's time to first render.
const { existsSync } = require('node:fs');

/** Where Debian installs it; OASGUARD_CHROMIUM names another. */
const CHROMIUM = process.env.OASGUARD_CHROMIUM ?? '/usr/bin/chromium';

const chromiumAvailable = () => existsSync(CHROMIUM);

/**
 * A headless Chromium. The flags keep it from reaching for Google's services, which a closed network refuses.
 * @returns {Promise<import('playwright-core').Browser>}
 */
function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

module.exports = { CHROMIUM, chromiumAvailable, launchChromium };
