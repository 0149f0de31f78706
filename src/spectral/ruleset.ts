/**
 * `oasguard/ruleset`: the `recommended` preset for Spectral, `extends: [oasguard/ruleset]` in a `.spectral.yaml`.
 *
 * Spectral's CLI bundles the files of an extended ruleset with rollup, where `__dirname` (which oasguard uses to
 * find its presets) is undefined, but leaves package imports to Node: so the ruleset is required by package name.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export = (require('oasguard/spectral-presets') as typeof import('./presets')).recommended;
