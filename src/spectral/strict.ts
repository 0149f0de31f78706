/** `oasguard/ruleset/strict`: the `strict` preset for Spectral; required by package name as `ruleset.ts` explains. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export = (require('oasguard/spectral-presets') as typeof import('./presets')).strict;
