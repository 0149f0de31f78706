'use strict';
// For the CLI's bundle (scripts/bundle.js): what spectral-core compiles at every start, done at build time or on
// first need instead, each checked against the unbundled engine by test/integration/bin.test.ts.
//
// - Its ruleset validator, as ajv standalone code: Spectral compiles it (ajv, ajv-formats, ajv-errors and a keyword
//   of its own) at every start, over half of a small lint's start-up. The code is ajv's own for spectral-core's own
//   setup: spectral-core's createValidator runs here, with its ajv told to keep the source; the bundle then takes
//   this module in place of spectral-core's ajv.js.
// - The ajv instance that validates functions' options (ruleset/function.js), created when its module loads, where
//   ajv-errors makes it compile JSON Schema's meta-schema (25 ms): created on first use instead.
const { readFileSync } = require('node:fs');
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

/** spectral-core's module that validates functions' options. */
const SPECTRAL_FUNCTION_MODULE = join(dirname(SPECTRAL_AJV_MODULE), '..', 'function.js');
/** Its ajv instance, as spectral-core 1.24 creates it at load, and its uses. */
const EAGER_AJV = `const ajv = new ajv_1.default({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
(0, ajv_errors_1.default)(ajv);
(0, ajv_formats_1.default)(ajv);`;
const LAZY_AJV = `let ajvInstance;
const lazyAjv = () => {
    if (ajvInstance === undefined) {
        ajvInstance = new ajv_1.default({ allErrors: true, allowUnionTypes: true, strict: true, keywords: ['x-internal'] });
        (0, ajv_errors_1.default)(ajvInstance);
        (0, ajv_formats_1.default)(ajvInstance);
    }
    return ajvInstance;
};`;

/** function.js with its ajv created on first use; a spectral-core whose function.js differs stops the build. */
function lazyFunctionModule() {
  const source = readFileSync(SPECTRAL_FUNCTION_MODULE, 'utf8');
  const compiles = source.match(/\bajv\.compile\(/g) ?? [];
  if (!source.includes(EAGER_AJV) || compiles.length !== 2) {
    throw new Error(`${SPECTRAL_FUNCTION_MODULE} is not the one scripts/spectral-startup.js knows: review its changes.`);
  }
  return source.replace(EAGER_AJV, LAZY_AJV).replace(/\bajv\.compile\(/g, 'lazyAjv().compile(');
}

/** The esbuild plugin that swaps spectral-core's ajv.js for the precompiled validators, and its function.js for one with a lazy ajv. */
const spectralStartup = {
  name: 'spectral-startup',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    const namespace = 'oasguard-ruleset-validator';
    build.onLoad({ filter: /[\\/]ruleset[\\/]validation[\\/]ajv\.js$/ }, (args) =>
      args.path === SPECTRAL_AJV_MODULE ? { contents: REPLACEMENT, loader: 'js' } : undefined,
    );
    build.onLoad({ filter: /[\\/]ruleset[\\/]function\.js$/ }, (args) =>
      args.path === SPECTRAL_FUNCTION_MODULE ? { contents: lazyFunctionModule(), loader: 'js' } : undefined,
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

module.exports = { spectralStartup };
