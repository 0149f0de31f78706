/**
 * The Spectral boundary: the one module in oasguard that imports @stoplight/* packages. Everything else imports
 * what it needs from here, so an upgrade of Spectral is reviewed in one file.
 *
 * Versions: @stoplight/spectral-core is pinned to patch releases (~1.24), like the libraries whose internals oasguard
 * deep-imports or replaces (json-ref-resolver's crawler and runner, @stoplight/yaml, nimma): a minor release may
 * change those internals. The replacements are checked against the libraries they replace by property tests in
 * test/input/yaml-parser.test.ts, test/refs/local-refs.test.ts, test/engine/locations.test.ts and
 * test/config/safe-jsonpath.test.ts; run them on every upgrade. The CLI's bundle also changes two of spectral-core's
 * modules at build time (scripts/spectral-startup.js): its ruleset validator precompiled (ruleset/validation/ajv.js,
 * generated from spectral-core's own setup), and the ajv that validates functions' options created on first use
 * (ruleset/function.js); test/integration/bin.test.ts checks them against the originals.
 *
 * Types: spectral-core's package `exports` hide its `dist/` files, so the types it does not export from its entry
 * point are derived here from the ones it does; none of them reach the declarations oasguard ships.
 */
import type { HumanReadableDiagnosticSeverity, RuleDefinition, RulesetFunctionContext } from '@stoplight/spectral-core';

// spectral-core: running rules on documents.
export { createRulesetFunction, Document, Ruleset, Spectral } from '@stoplight/spectral-core';
export type {
  IFunctionResult,
  ISpectralDiagnostic,
  RuleDefinition as SpectralRule,
  RulesetDefinition as SpectralRulesetDefinition,
  RulesetFunction,
} from '@stoplight/spectral-core';
/** A parsed document, as rules and ranges see it. */
export type SpectralDocument = RulesetFunctionContext['document'];
/** A rule as a ruleset file may give it: a definition, or a severity for an inherited rule (as dist/ruleset/types has it). */
export type FileRuleDefinition = RuleDefinition | HumanReadableDiagnosticSeverity | boolean;
/** How much of an extended ruleset is enabled (as dist/ruleset/types has it). */
export type FileRulesetSeverityDefinition = 'off' | 'recommended' | 'all';

export * as formats from '@stoplight/spectral-formats';

/* eslint-disable @typescript-eslint/no-require-imports */
// Loaded on first use, as few rulesets need them: loading either compiles every function's options schema, about a
// sixth of a small lint's start-up (spectral-rulesets also loads the AsyncAPI schemas).
/** Spectral's core functions (`truthy`, `pattern`...), by name, for the rules of a user's ruleset. */
export const coreFunctions = (): Record<string, unknown> => require('@stoplight/spectral-functions') as Record<string, unknown>;
/** The `spectral:oas` ruleset. */
export const spectralOas = (): object => (require('@stoplight/spectral-rulesets') as typeof import('@stoplight/spectral-rulesets')).oas;
/* eslint-enable @typescript-eslint/no-require-imports */
export { Json as JsonParser, Yaml as YamlParser } from '@stoplight/spectral-parsers';

// $ref resolution: the resolver Spectral runs, and the crawler and runner oasguard's local-first resolver reuses.
export { Resolver } from '@stoplight/json-ref-resolver';
export { ResolveCrawler } from '@stoplight/json-ref-resolver/crawler';
export { ResolveRunner } from '@stoplight/json-ref-resolver/runner';
export { Cache } from '@stoplight/json-ref-resolver/cache';
export type {
  ICache,
  IGraphNodeData,
  IResolveError,
  IResolveOpts,
  IResolveResult,
  IResolveRunner,
  IResolveRunnerOpts,
} from '@stoplight/json-ref-resolver/types';

// JSON and YAML with source positions.
export { parseWithPointers as parseJsonWithPointers, pathToPointer, pointerToPath } from '@stoplight/json';
export type { IJsonASTNode, JsonParserResult } from '@stoplight/json';
export {
  buildJsonPath,
  getLocationForJsonPath as yamlLocationForJsonPath,
  Kind,
  lineForPosition,
  parseWithPointers,
} from '@stoplight/yaml';
export type { YAMLMapping, YAMLNode, YamlParserResult } from '@stoplight/yaml';
export { determineScalarType, parseYamlBigInteger, parseYamlBoolean, parseYamlFloat, ScalarType } from '@stoplight/yaml-ast-parser';
export type { YAMLNode as YamlAstNode, YAMLScalar as YamlAstScalar, YamlMap as YamlAstMap } from '@stoplight/yaml-ast-parser';

/** An official 3.x schema as spectral-rulesets ships it, with the dialect and vocabulary meta-schema it names by URI. */
export function bundledSchema(version: '3.1' | '3.2'): { schema: object; meta: object[] } {
  const dir = `@stoplight/spectral-rulesets/dist/oas/schemas/oas/v${version}`;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const meta = [require(`${dir}/dialect.schema.json`), require(`${dir}/meta.schema.json`)] as object[];
  // The 3.1 dialect names Stoplight's copy of the JSON Schema 2020-12 meta-schemas (its wording of their errors).
  if (version === '3.1')
    meta.push(
      ...['index', 'validation'].map(
        (name) => require(`@stoplight/spectral-rulesets/dist/oas/schemas/json-schema/draft-2020-12/${name}.json`) as object,
      ),
    );
  return { schema: require(`${dir}/index.json`) as object, meta };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
