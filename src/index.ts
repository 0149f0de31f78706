/** oasguard's public API; the CLI uses nothing else. */
export { lint, sortFindings, STDIN_NAME } from './lint';
export type { LintOptions } from './lint';
export { DEFAULT_LIMITS } from './engine/limits';
export type { Limits } from './engine/limits';
export type { RemotePolicy } from './engine/remote';
export { createRuleset, findRulesetFile, loadRuleset, RULESET_FILES } from './engine/ruleset';
export type { LoadedRuleset, RulesetLoadOptions } from './engine/ruleset';
export { PRESETS } from './engine/spectral-rules';
export type { PresetName } from './engine/spectral-rules';
export { formatters, isFormatName, MARKDOWN_MAX_ROWS, SARIF_MAX_RESULTS } from './formatters';
export type { FormatContext, FormatName, Formatter } from './formatters';
export { rules, findRule } from './rules';
export type { Rule, RuleContext } from './rules/define-rule';
export { diagnostics } from './engine/diagnostics';
export { UsageError } from './errors';
export { isAtLeast, isSeverity } from './severity';
export { TOOL_NAME, TOOL_VERSION } from './meta';
export * from './types';
