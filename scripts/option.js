'use strict';
// `--name value` from the command line of a script run through npm (`npm run corpus -- --limit 10`).
function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

module.exports = { option };
