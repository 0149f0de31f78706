/**
 * Replaces the ruleset loading of Spectral's CLI (@stoplight/spectral-ruleset-bundler) for oasguard: YAML and
 * JSON rulesets read from the project root only, JSONPath parsed into a safe subset, JavaScript only when allowed;
 * the result is a spectral-core Ruleset. Checked by test/config/ruleset.test.ts and test/security/hostile-repo.test.ts.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { coreFunctions, formats, Ruleset, spectralOas } from '../stoplight';
import type {
  FileRuleDefinition,
  FileRulesetSeverityDefinition,
  RulesetFunction,
  SpectralRule,
  SpectralRulesetDefinition as RulesetDefinition,
} from '../stoplight';
import leven from 'leven';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../shared/errors';
import { findRule } from '../rules';
import { ruleMeta } from '../rules/define-rule';
import { isSeverity } from '../shared/severity';
import { RuleMeta, SEVERITIES, Severity } from '../shared/types';
import { diagnostics } from '../rules/diagnostics';
import { DEFAULT_LIMITS } from '../input/limits';
import { decodeUtf8, EncodingError, isInside } from '../input/read';
import { MessageEncoder, MessageTable } from '../engine/messages';
import { isMapping } from '../shared/mapping';
import { nativeJsonPathProblem } from './nimma';
import { safeJsonPath, UnsafeJsonPath } from './safe-jsonpath';
import { schemaRules, spectralDiagnostic, spectralRule } from '../engine/spectral-rules';
import { DEFAULT_PRESET, PresetName, PRESETS, presetRuleset } from './presets';
import { findRulesetFile } from './ruleset-files';

/** A ruleset ready to lint with. */
export interface LoadedRuleset {
  /** The preset's name, or the ruleset file as given. */
  readonly name: string;
  /** The ruleset file; undefined for presets. `overrides` globs are relative to its directory. */
  readonly source?: string;
  /** @internal The rules as Spectral runs them (see EngineRuleset); kept out of the published types. */
  readonly spectral: Ruleset;
  /** @internal The messages of oasguard's rules, which reach Spectral as tokens. */
  readonly messages: MessageTable;
  /** The rules enabled for every file (`overrides` may change them for some), sorted by id. */
  readonly rules: readonly RuleMeta[];
}

/** How rulesets may be loaded. */
export interface RulesetLoadOptions {
  /** Load JavaScript rulesets and custom functions: they run with the linting user's permissions. */
  allowJs?: boolean;
  /**
   * Ruleset files other than the one named by the caller (the project's `.oasguard.yaml`, and what `extends` reads)
   * come from the linted tree: their real path must be below this directory. Default: `cwd`.
   */
  root?: string;
  /** Largest ruleset file read, in bytes. Default: {@link DEFAULT_LIMITS}' `maxFileSize`. */
  maxFileSize?: number;
  /** For a one-off run: only these of the ruleset's rules run (the document diagnostics always do). */
  onlyRules?: readonly string[];
  /** For a one-off run: these of the ruleset's rules do not run. */
  skipRules?: readonly string[];
}

/** Keys of a Spectral ruleset that oasguard reads; `parserOptions` is left out: duplicate keys are always errors. */
const RULESET_KEYS = [
  'extends',
  'rules',
  'overrides',
  'formats',
  'aliases',
  'functions',
  'functionsDir',
  'documentationUrl',
  'description',
];

const EXTEND_MODES = ['all', 'recommended', 'off'];

const JS_EXTENSIONS = /\.(c|m)?js$/i;
const DATA_EXTENSIONS = /\.(ya?ml|json)$/i;
const URL = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Loads a preset by name (`recommended`, `oasguard:strict`) or a ruleset file by path (relative to `cwd`); without
 * either, the project's ruleset file in `cwd` (`.oasguard.yaml`; see ruleset-files.ts) or else `recommended`. A ruleset file is a
 * Spectral ruleset in YAML or JSON; oasguard rules also take `[severity, options]`. JavaScript (rulesets, npm
 * packages, custom functions) is refused unless `options.allowJs`, and nothing is fetched from the network.
 */
export function loadRuleset(nameOrPath: string | undefined, cwd: string, options: RulesetLoadOptions = {}): LoadedRuleset {
  const name = nameOrPath ?? findRulesetFile(cwd) ?? DEFAULT_PRESET;
  const preset = presetName(name);
  const messages = new MessageTable();
  if (preset) return finish(presetRuleset(preset, messages.intern), preset, undefined, messages, options);
  const file = resolve(cwd, name);
  // An npm package name (`@stoplight/spectral-owasp-ruleset`) that is no file loads as `extends` would load it:
  // installed in the project, and JavaScript only with allowJs.
  if (nameOrPath !== undefined && !existsSync(file) && isInstalledPackage(name, cwd)) {
    return createRuleset({ extends: [name] }, { ...options, name, baseDir: cwd });
  }
  // A ruleset the caller named may live anywhere; the project's own comes from the tree, like what it extends.
  const definition = new RulesetLoader(cwd, options, messages).loadFile(file, [], nameOrPath === undefined);
  return finish(definition, name, file, messages, options);
}

/** Where a ruleset given as data comes from. */
export interface RulesetDataOptions extends RulesetLoadOptions {
  /** Names the ruleset in errors. */
  name: string;
  /** Relative `extends` and `overrides` globs are resolved against it. */
  baseDir: string;
}

/** A ruleset given as data, as a ruleset file would hold it: for programs and tests. */
export function createRuleset(data: unknown, options: RulesetDataOptions): LoadedRuleset {
  const messages = new MessageTable();
  const source = join(options.baseDir, '.oasguard.yaml');
  const definition = new RulesetLoader(options.baseDir, options, messages).fromData(data, source, [source], options.name);
  return finish(definition, options.name, source, messages, options);
}

/** An npm package name, scoped or not: what `--ruleset` loads as a package, when one is installed and no file has that name. */
const NPM_PACKAGE = /^(?:@[a-z\d][\w.-]*\/)?[a-z\d][\w.-]*$/;

/** Whether `name` is an npm package installed where the project can require it. */
function isInstalledPackage(name: string, cwd: string): boolean {
  if (!NPM_PACKAGE.test(name)) return false;
  try {
    createRequire(join(cwd, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function presetName(nameOrPath: string): PresetName | undefined {
  const name = nameOrPath.replace(/^oasguard:/, '');
  return (PRESETS as readonly string[]).includes(name) ? (name as PresetName) : undefined;
}

/** The `extends` names of oasguard's presets: `oasguard:<preset>`, and the package exports Spectral's CLI loads. */
function extendedPreset(spec: string): PresetName | undefined {
  if (spec === 'oasguard/ruleset') return 'recommended';
  if (spec === 'oasguard/ruleset/strict') return 'strict';
  return spec.startsWith('oasguard:') ? presetName(spec) : undefined;
}

/** A problem with a ruleset: named by the file (or preset) it is in. */
function invalidRuleset(name: string, problem: string, hint?: string): UsageError {
  return new UsageError(`Invalid ruleset ${name}: ${problem}`, hint);
}

/** The top ruleset with the schema checks added: they are diagnostics, on whatever the ruleset says. */
function finish(
  definition: RulesetDefinition,
  name: string,
  source: string | undefined,
  messages: MessageTable,
  options: RulesetLoadOptions = {},
): LoadedRuleset {
  const rules = { ...('rules' in definition ? definition.rules : {}), ...schemaRules(messages.intern) };
  const spectral = construct({ ...definition, rules } as RulesetDefinition, source, (problem) => invalidRuleset(name, problem));
  restrictRules(spectral, options);
  return { name, source, spectral, messages, rules: ruleMetas([spectral]) };
}

/** `--only-rule` and `--skip-rule`: the named rules of the ruleset, checked by name, turned off or left alone. */
function restrictRules(spectral: Ruleset, { onlyRules, skipRules }: RulesetLoadOptions): void {
  if (onlyRules === undefined && skipRules === undefined) return;
  const configurable = Object.values(spectral.rules).filter((rule) => !spectralDiagnostic(rule.name));
  const names = configurable.map((rule) => rule.name);
  for (const [flag, listed] of [
    ['--only-rule', onlyRules],
    ['--skip-rule', skipRules],
  ] as const) {
    for (const name of listed ?? []) {
      if (names.includes(name)) continue;
      const suggestion = didYouMean(name, names);
      throw new UsageError(`${flag} ${name}: the ruleset has no such rule.${suggestion}`, 'Run `oasguard rules` to list the rules.');
    }
  }
  for (const rule of configurable) {
    if ((onlyRules !== undefined && !onlyRules.includes(rule.name)) || skipRules?.includes(rule.name)) rule.enabled = false;
  }
}

/** ` Did you mean "x"?` for the candidate closest to a misspelt name (at most a third of it wrong), else nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const [best] = candidates
    .map((candidate) => ({ candidate, distance: leven(name, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? ` Did you mean "${best.candidate}"?` : '';
}

/** Spectral's validation of a ruleset, its problems on one line. */
function construct(definition: RulesetDefinition, source: string | undefined, fail: (problem: string) => UsageError): Ruleset {
  try {
    return new Ruleset(definition, { severity: 'recommended', ...(source === undefined ? {} : { source }) });
  } catch (error) {
    throw fail(describeSpectralError(error));
  }
}

/** Spectral throws AggregateErrors for rulesets; users want each problem, on one line, with where it is. */
function describeSpectralError(error: unknown): string {
  const errors = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(describeSpectralError).join('; ');
  const message = error instanceof Error ? error.message : String(error);
  const path = ((error as { path?: unknown }).path ?? []) as string[];
  if (path[0] !== 'rules' || path.length < 2) return path.length > 0 ? `${path.join('.')}: ${message}` : message;
  const [, rule, ...where] = path;
  // Option errors name the function; an oasguard rule's function is named after the rule.
  const optionError = /^"([^"]+)" function (.*)$/s.exec(message);
  if (optionError)
    return optionError[1] === rule ? `rule "${rule}" ${optionError[2]}` : `rule "${rule}": function "${optionError[1]}" ${optionError[2]}`;
  return `rule "${rule}": ${where.length > 0 ? `${where.join('.')} ` : ''}${message}`;
}

/** What is known while one ruleset file is converted. */
interface FileContext {
  file: string;
  display: string;
  /** The files extending this one, outermost first, to name a cycle. */
  chain: string[];
  fail: (problem: string) => UsageError;
}

class RulesetLoader {
  private readonly encode: MessageEncoder;

  constructor(
    private readonly cwd: string,
    private readonly options: RulesetLoadOptions,
    messages: MessageTable,
  ) {
    this.encode = messages.intern;
  }

  loadFile(file: string, chain: string[], confined = true): RulesetDefinition {
    const display = this.display(file);
    if (chain.includes(file)) {
      throw invalidRuleset(
        this.display(chain[chain.length - 1]),
        `"extends" makes a cycle: ${[...chain, file].map((f) => this.display(f)).join(' -> ')}.`,
      );
    }
    if (JS_EXTENSIONS.test(file)) return this.requireJs(file, `the JavaScript ruleset ${display}`, { file, display });
    const text = this.readText(file, display, confined, chain);
    let data: unknown;
    try {
      data = parseYaml(text, { maxAliasCount: 100 });
    } catch (error) {
      // The parser's first line ends with a colon that introduces its code frame: the sentence ends there.
      throw invalidRuleset(display, (error as Error).message.split('\n')[0].replace(/:?\s*$/, '.'));
    }
    return this.fromData(data, file, [...chain, file]);
  }

  /**
   * A ruleset file's text: a regular file within the size limit and, when `confined`, with its real path below the
   * root. Devices (`/dev/zero`), files elsewhere on the machine and their contents never reach the parser or an error.
   */
  private readText(file: string, display: string, confined: boolean, chain: string[]): string {
    const where = chain.length > 0 ? `${display} (extended by ${this.display(chain[chain.length - 1])})` : display;
    const refuse = (problem: string) =>
      new UsageError(
        `Cannot read ruleset ${where}: ${problem}.`,
        `Use one of ${PRESETS.join(', ')}, the path of a ruleset file in the project, or an installed npm ruleset package.`,
      );
    const outside = () =>
      refuse('it is outside the project root (--root), and rulesets from the linted tree may only read files inside it');
    const root = resolve(this.cwd, this.options.root ?? '.');
    // Checked before the file system is asked anything, so that nothing outside can be probed for.
    if (confined && !isInside(root, file)) throw outside();
    let realPath: string;
    try {
      realPath = realpathSync(file);
    } catch {
      throw refuse('no such file');
    }
    if (confined && !isInside(realpathSync(root), realPath)) throw outside();
    const stat = statSync(realPath);
    if (!stat.isFile()) throw refuse('not a regular file');
    const maxFileSize = this.options.maxFileSize ?? DEFAULT_LIMITS.maxFileSize;
    if (stat.size > maxFileSize) throw refuse(`${stat.size} bytes, over the ${maxFileSize}-byte limit (--max-file-size)`);
    try {
      return decodeUtf8(readFileSync(realPath));
    } catch (error) {
      throw refuse(error instanceof EncodingError ? 'not UTF-8 text' : ((error as NodeJS.ErrnoException).code ?? 'read error'));
    }
  }

  fromData(data: unknown, file: string, chain: string[], display = this.display(file)): RulesetDefinition {
    const context: FileContext = { file, display, chain, fail: (problem) => invalidRuleset(display, problem) };
    if (!isMapping(data)) throw context.fail('expected a mapping of Spectral ruleset keys (`extends`, `rules`, `overrides`).');
    const unknownKey = Object.keys(data).find((key) => !RULESET_KEYS.includes(key));
    if (unknownKey !== undefined) throw context.fail(`unknown key "${unknownKey}" (expected one of ${RULESET_KEYS.join(', ')}).`);
    if (data.overrides !== undefined && chain.length > 1) {
      throw context.fail('`overrides` are only read from the ruleset given to oasguard, not from one it extends.');
    }
    const functions = this.customFunctions(data, context);
    const extended = data.extends === undefined ? undefined : this.extendsList(data.extends, context);
    const known = new Set(extended ? Object.keys(construct({ extends: extended }, undefined, context.fail).rules) : []);
    const rules = data.rules === undefined ? undefined : this.rules(data.rules, known, functions, context);
    const definition = {
      ...(typeof data.description === 'string' ? { description: data.description } : {}),
      ...(typeof data.documentationUrl === 'string' ? { documentationUrl: data.documentationUrl } : {}),
      ...(data.formats === undefined ? {} : { formats: this.formats(data.formats, context.fail) }),
      ...(data.aliases === undefined ? {} : { aliases: checkedAliases(data.aliases, context.fail) }),
      ...(extended ? { extends: extended } : {}),
      ...(rules ? { rules } : {}),
      ...(data.overrides === undefined
        ? {}
        : { overrides: this.overrides(data.overrides, new Set([...known, ...Object.keys(rules ?? {})]), functions, context) }),
    } as RulesetDefinition;
    // Spectral checks the rest (JSONPath syntax, function options, alias use) and says where a problem is.
    const built = construct({ ...definition, rules: rules ?? {} } as RulesetDefinition, file, context.fail);
    for (const [name, setting] of Object.entries(isMapping(data.rules) ? data.rules : {})) {
      if (isMapping(setting)) checkAliasedGivens(built.rules[name], (problem) => context.fail(`rule "${name}": ${problem}`));
    }
    return definition;
  }

  private extendsList(value: unknown, context: FileContext): [RulesetDefinition, FileRulesetSeverityDefinition][] {
    const entries: unknown[] = Array.isArray(value) ? value : [value];
    return entries.map((entry) => {
      const [spec, mode = 'recommended'] = (Array.isArray(entry) ? entry : [entry]) as unknown[];
      if (typeof spec !== 'string' || !EXTEND_MODES.includes(String(mode)) || (Array.isArray(entry) && entry.length !== 2)) {
        throw context.fail(`cannot extend ${JSON.stringify(entry)}; give a ruleset name or path, or [name, ${EXTEND_MODES.join(' | ')}].`);
      }
      return [this.extendedRuleset(spec, context), mode as FileRulesetSeverityDefinition];
    });
  }

  private extendedRuleset(spec: string, context: FileContext): RulesetDefinition {
    const preset = extendedPreset(spec);
    if (preset) return presetRuleset(preset, this.encode);
    if (spec === 'spectral:oas') return spectralOas() as RulesetDefinition;
    if (spec.startsWith('spectral:') || spec.startsWith('oasguard:')) {
      throw context.fail(`cannot extend "${spec}"; use ${PRESETS.map((p) => `oasguard:${p}`).join(', ')}, spectral:oas or a ruleset file.`);
    }
    if (URL.test(spec)) {
      throw context.fail(
        `cannot extend "${spec}": rulesets are never fetched from the network. Save it in the project and extend the file.`,
      );
    }
    const isPath = spec.startsWith('.') || isAbsolute(spec) || DATA_EXTENSIONS.test(spec) || JS_EXTENSIONS.test(spec);
    if (isPath) return this.loadFile(resolve(dirname(context.file), spec), context.chain);
    // A bare name is an npm package: JavaScript.
    return this.requireJs(spec, `the npm package "${spec}"`, context);
  }

  /** Loads a JavaScript ruleset or function, which only `--allow-js-ruleset` permits, resolved from `origin`'s file. */
  private requireJs<T>(specifier: string, what: string, origin: Pick<FileContext, 'file' | 'display'>): T {
    if (!this.options.allowJs) {
      throw invalidRuleset(
        origin.display,
        `${what} is JavaScript, which oasguard runs only with --allow-js-ruleset.`,
        'JavaScript rulesets run with your permissions: allow them only for code you trust, never for rulesets from the linted tree.',
      );
    }
    const from = createRequire(origin.file);
    let loaded: { default?: T } & T;
    try {
      loaded = from(from.resolve(specifier)) as { default?: T } & T;
    } catch (error) {
      throw invalidRuleset(origin.display, `cannot load ${what}: ${(error as Error).message.split('\n')[0]}`);
    }
    return loaded.default ?? loaded;
  }

  private customFunctions(data: Record<string, unknown>, context: FileContext): Record<string, RulesetFunction> {
    if (data.functions === undefined) return {};
    if (!Array.isArray(data.functions) || !data.functions.every((name) => typeof name === 'string')) {
      throw context.fail('`functions` must list function names.');
    }
    const dir = resolve(dirname(context.file), typeof data.functionsDir === 'string' ? data.functionsDir : 'functions');
    return Object.fromEntries(
      data.functions.map((name) => {
        const fn = this.requireJs<RulesetFunction>(join(dir, `${name}.js`), `the custom function "${name}"`, context);
        // Spectral names a crashing function in its error: by the name the ruleset uses, not its (often empty) own.
        if (typeof fn === 'function') Object.defineProperty(fn, 'name', { value: name });
        return [name, fn];
      }),
    );
  }

  private formats(value: unknown, fail: (problem: string) => UsageError): unknown[] {
    const names = Array.isArray(value) ? value : [value];
    return names.map((name) => {
      const format = ownMember(formats, name);
      if (typeof format !== 'function') throw fail(`unknown format ${JSON.stringify(name)} (for example oas2, oas3, oas3_0, oas3_1).`);
      return format;
    });
  }

  private rules(
    value: unknown,
    known: Set<string>,
    functions: Record<string, RulesetFunction>,
    context: FileContext,
  ): Record<string, FileRuleDefinition> {
    if (!isMapping(value)) throw context.fail('`rules` must map rule names to a severity, `off`, or a rule definition.');
    const rules: Record<string, FileRuleDefinition> = {};
    for (const [name, setting] of Object.entries(value)) {
      const rule = this.rule(name, setting, known, functions, context);
      if (rule !== undefined) rules[name] = rule;
    }
    return rules;
  }

  /** One entry of `rules`, as Spectral takes it; undefined when it turns off a rule that is not there anyway. */
  private rule(
    name: string,
    setting: unknown,
    known: Set<string>,
    functions: Record<string, RulesetFunction>,
    context: FileContext,
  ): FileRuleDefinition | undefined {
    const fail = (problem: string) => context.fail(`rule "${name}": ${problem}`);
    // Spectral keeps rules in plain objects, where these names are inherited members.
    if (name in Object.prototype) throw fail('Spectral cannot run a rule named like an Object member; choose another name.');
    const spectralName = spectralDiagnostic(name);
    if (spectralName) throw fail(`this is oasguard's ${spectralName} diagnostic, which is always on.`);
    if (Object.hasOwn(diagnostics, name)) throw fail('diagnostics are always on and cannot be configured.');
    const oasguardRule = findRule(name);
    if (isMapping(setting)) {
      if (oasguardRule)
        throw fail('this is an oasguard rule: give it a severity or [severity, options], and give a rule of your own another name.');
      return this.customRule(setting, functions, fail);
    }
    const [severity, options, ...rest] = (Array.isArray(setting) ? setting : [setting]) as unknown[];
    if (!(isSeverity(severity) || severity === 'off' || typeof severity === 'boolean') || rest.length > 0) {
      throw fail(`expected error, warn, info, hint or off (or [severity, options]), got ${JSON.stringify(setting)}.`);
    }
    if (Array.isArray(setting) && setting.length > 1) {
      if (!oasguardRule) throw fail("only oasguard rules take [severity, options]; set options in the rule's `then.functionOptions`.");
      if (!isMapping(options)) throw fail('options must be a mapping.');
    }
    if (!oasguardRule) {
      if (!known.has(name))
        throw context.fail(`unknown rule "${name}".${didYouMean(name, [...known])} Run \`oasguard rules\` to list the rules.`);
      return severity;
    }
    if (severity === 'off' || severity === false) return known.has(name) ? 'off' : undefined;
    // A full definition enables the rule whether or not an extended ruleset has it, with the options merged.
    const chosen = severity === true ? oasguardRule.severity : severity;
    if (options === undefined && known.has(name)) return chosen;
    return spectralRule(oasguardRule, chosen, options as Record<string, unknown> | undefined, this.encode);
  }

  /** A rule of the user's own: Spectral's core functions (or declared custom ones) by name, formats by name. */
  private customRule(
    definition: Record<string, unknown>,
    functions: Record<string, RulesetFunction>,
    fail: (problem: string) => UsageError,
  ): SpectralRule {
    const resolveThen = (then: unknown): unknown => {
      if (!isMapping(then) || typeof then.function !== 'string') return then;
      const fn = ownMember(functions, then.function) ?? ownMember(coreFunctions(), then.function);
      if (typeof fn !== 'function') {
        throw fail(
          `unknown function "${then.function}"; use a Spectral core function (${Object.keys(coreFunctions()).sort().join(', ')}) or one listed in \`functions\`.`,
        );
      }
      return { ...then, function: fn };
    };
    const given = Array.isArray(definition.given)
      ? definition.given.map((g) => checkedGiven(g, fail))
      : checkedGiven(definition.given, fail);
    const then = [definition.then].flat().map((entry) => resolveThen(checkedField(entry, fail)));
    const converted: Record<string, unknown> = { ...definition, given, then: Array.isArray(definition.then) ? then : then[0] };
    if (definition.formats !== undefined) converted.formats = this.formats(definition.formats, fail);
    return converted as SpectralRule;
  }

  private overrides(value: unknown, known: Set<string>, functions: Record<string, RulesetFunction>, context: FileContext): unknown[] {
    if (!Array.isArray(value)) throw context.fail('`overrides` must be a list of { files, rules } entries.');
    return value.map((entry, index) => {
      const fail = (problem: string) => context.fail(`overrides[${index}]: ${problem}`);
      if (!isMapping(entry)) throw fail('expected a mapping with `files` and `rules`.');
      const { files, rules, extends: extended, formats: entryFormats, ...rest } = entry;
      const unknownKey = Object.keys(rest)[0];
      if (unknownKey !== undefined) throw fail(`unknown key "${unknownKey}" (expected files, rules, extends, formats).`);
      if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === 'string' && file !== '')) {
        throw fail('`files` must be a non-empty list of glob patterns, relative to the ruleset file.');
      }
      const entryContext = { ...context, fail };
      return {
        files,
        ...(extended === undefined ? {} : { extends: this.extendsList(extended, entryContext) }),
        ...(entryFormats === undefined ? {} : { formats: this.formats(entryFormats, fail) }),
        ...(rules === undefined ? {} : { rules: this.rules(rules, known, functions, entryContext) }),
      };
    });
  }

  private display(file: string): string {
    const path = relative(this.cwd, file);
    return (path.startsWith('..') || isAbsolute(path) ? file : path).split(sep).join('/');
  }
}

/** A `given` as Spectral is to run it: in the safe JSONPath subset, re-written from its parse, and compiled by nimma itself. */
function checkedGiven(given: unknown, fail: (problem: string) => UsageError): unknown {
  if (typeof given !== 'string') return given; // Spectral says what it expected
  const safe = safeExpression(given, `given "${given}"`, fail);
  const problem = safe.startsWith('#') ? undefined : nativeJsonPathProblem(safe);
  if (problem !== undefined) throw fail(`given "${given}" is not a JSONPath expression Spectral can run: ${problem}.`);
  return safe;
}

/** A `then` whose JSONPath `field` (run by jsonpath-plus, which evaluates filters) has no filter. */
function checkedField(then: unknown, fail: (problem: string) => UsageError): unknown {
  if (!isMapping(then) || typeof then.field !== 'string' || !then.field.startsWith('$')) return then;
  return { ...then, field: safeExpression(then.field, `then.field "${then.field}"`, fail, { allowFilters: false }) };
}

/** `aliases` with every expression in the safe subset; Spectral checks their shape. */
function checkedAliases(aliases: unknown, fail: (problem: string) => UsageError): unknown {
  if (!isMapping(aliases)) return aliases;
  return Object.fromEntries(
    Object.entries(aliases).map(([name, value]) => {
      const check = (given: unknown) =>
        typeof given === 'string' ? safeExpression(given, `given "${given}" in alias "${name}"`, fail) : given;
      if (Array.isArray(value)) return [name, value.map(check)];
      if (!isMapping(value) || !Array.isArray(value.targets)) return [name, value];
      const targets = (value.targets as unknown[]).map((target) =>
        isMapping(target) && Array.isArray(target.given) ? { ...target, given: target.given.map(check) } : target,
      );
      return [name, { ...value, targets }];
    }),
  );
}

function safeExpression(
  expression: string,
  where: string,
  fail: (problem: string) => UsageError,
  context?: { allowFilters: boolean },
): string {
  try {
    return safeJsonPath(expression, context);
  } catch (error) {
    if (!(error instanceof UnsafeJsonPath)) throw error;
    if (error.syntax) throw fail(`${where} is not a JSONPath expression: ${error.message}.`);
    throw fail(`${where} is refused: ${error.message}. Data-only rulesets run no code.`);
  }
}

/** A rule whose `given` names aliases: each expansion (for every format) must compile in nimma itself. */
function checkAliasedGivens(rule: Ruleset['rules'][string] | undefined, fail: (problem: string) => UsageError): void {
  if (rule === undefined) return;
  const formatSets = [
    null,
    ...Object.values(formats)
      .filter((format) => typeof format === 'function')
      .map((format) => new Set([format])),
  ];
  for (const formatSet of formatSets) {
    for (const given of rule.getGivenForFormats(formatSet as never)) {
      const problem = nativeJsonPathProblem(given);
      if (problem !== undefined) throw fail(`given "${given}" is not a JSONPath expression Spectral can run: ${problem}.`);
    }
  }
}

/** A format or function a ruleset names, looked up as an own member only: `toString` names neither. */
function ownMember(table: object, name: unknown): unknown {
  return typeof name === 'string' && Object.hasOwn(table, name) ? (table as Record<string, unknown>)[name] : undefined;
}

/**
 * The metadata of every rule the ruleset enables for any of `sources` (overrides can enable a rule for some files
 * only). oasguard's rules bring their own; rules from Spectral rulesets or the user's have what their definition says.
 */
export function enabledRules(ruleset: LoadedRuleset, sources: readonly string[]): RuleMeta[] {
  if (ruleset.spectral.overrides === null) return [...ruleset.rules];
  return ruleMetas([ruleset.spectral, ...sources.map((source) => ruleset.spectral.fromSource(source))]);
}

/** The options an enabled oasguard rule runs with in a ruleset (its defaults merged with the ruleset's), for every file. */
export function ruleOptions(ruleset: LoadedRuleset, id: string): Record<string, unknown> | undefined {
  const rule = ruleset.spectral.rules[id] as Ruleset['rules'][string] | undefined;
  if (!rule?.enabled) return undefined;
  const options: unknown = rule.then[0]?.functionOptions;
  return isMapping(options) ? options : undefined;
}

function ruleMetas(variants: readonly Ruleset[]): RuleMeta[] {
  const metas = new Map<string, RuleMeta>();
  for (const variant of variants) {
    for (const rule of Object.values(variant.rules)) {
      if (!rule.enabled || spectralDiagnostic(rule.name) || metas.has(rule.name)) continue;
      const severity = SEVERITIES[rule.severity] ?? 'error';
      const oasguardRule = findRule(rule.name);
      metas.set(rule.name, oasguardRule ? { ...ruleMeta(oasguardRule), severity } : customRuleMeta(rule.name, severity, rule));
    }
  }
  return [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function customRuleMeta(
  id: string,
  severity: Severity,
  rule: { description: string | null; message: string | null; documentationUrl: string | null },
): RuleMeta {
  return {
    id,
    kind: 'custom',
    severity,
    description: rule.description ?? rule.message ?? id,
    rationale: '',
    sources: [],
    cwe: [],
    fix: '',
    precision: 'high',
    docsUrl: rule.documentationUrl ?? '',
  };
}
