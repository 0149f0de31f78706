'use strict';
// For the CLI's bundle (scripts/bundle.js): spectral-core's ruleset validator as ajv standalone code. Spectral
// compiles it (ajv, ajv-formats, ajv-errors and a keyword of its own) at every start, over half of a small lint's
// remaining start-up. The code is ajv's own for spectral-core's own setup: spectral-core's createValidator runs here,
// with its ajv told to keep the source; the bundle then takes this module in place of spectral-core's ajv.js.
const Module = require('node:module');
const { dirname, join } = require('node:path');

/** spectral-core's module that creates its ruleset validators (its package `exports` hide it). */
const SPECTRAL_AJV_MODULE = join(dirname(require.resolve('@stoplight/spectral-core')), 'ruleset', 'validation', 'ajv.js');

/** The standalone code of spectral-core's validator for ruleset definitions of `format` ('js' or 'json'). */
function standaloneValidator(format) {
  const spectralRequire = Module.createRequire(SPECTRAL_AJV_MODULE);
  const ajv2020 = spectralRequire('ajv/dist/2020');
  const { _ } = ajv2020;
  const standaloneCode = spectralRequire('ajv/dist/standalone').default;
  const formats = spectralRequire.resolve('ajv-formats/dist/formats');
  const Original = ajv2020.default;
  let instance;
  // Called with `new` by spectral-core; the instance it returns is what `new` gives.
  ajv2020.default = function Recording(options) {
    instance = new Original({ ...options, code: { ...options.code, source: true, formats: _`require(${formats}).fullFormats` } });
    return instance;
  };
  try {
    delete require.cache[SPECTRAL_AJV_MODULE];
    const validator = spectralRequire(SPECTRAL_AJV_MODULE).createValidator(format);
    return standaloneCode(instance, validator);
  } finally {
    ajv2020.default = Original;
    delete require.cache[SPECTRAL_AJV_MODULE];
  }
}

/** What the bundle loads for spectral-core's ajv.js: the precompiled validators, called as spectral-core calls them. */
const REPLACEMENT = `'use strict';
const { validateAlias } = require('./validators/alias');
const { validateFunction } = require('./validators/function');
const compiled = { js: require('oasguard-ruleset-validator:js'), json: require('oasguard-ruleset-validator:json') };
const validators = {};
exports.createValidator = (format) =>
  (validators[format] ??= new Proxy(compiled[format], {
    apply: (target, _thisArg, args) => Reflect.apply(target, { validateAlias, validateFunction }, args),
  }));
`;

/** The esbuild plugin that swaps spectral-core's ajv.js for the precompiled validators. */
const precompiledRulesetValidator = {
  name: 'precompiled-spectral-ruleset-validator',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    const namespace = 'oasguard-ruleset-validator';
    build.onLoad({ filter: /[\\/]ruleset[\\/]validation[\\/]ajv\.js$/ }, (args) =>
      args.path === SPECTRAL_AJV_MODULE ? { contents: REPLACEMENT, loader: 'js' } : undefined,
    );
    build.onResolve({ filter: /^oasguard-ruleset-validator:/ }, (args) => ({ path: args.path.split(':')[1], namespace }));
    // The generated code requires ajv's runtime and the formats as spectral-core resolves them.
    build.onLoad({ filter: /.*/, namespace }, (args) => ({
      contents: standaloneValidator(args.path),
      loader: 'js',
      resolveDir: dirname(SPECTRAL_AJV_MODULE),
    }));
  },
};

module.exports = { precompiledRulesetValidator };
