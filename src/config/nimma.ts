/**
 * Spectral's JSONPath engine, nimma (pinned to the version spectral-core uses): its parser, to check a ruleset's
 * expressions, and its compiler, to find the ones Spectral could not run before a lint starts. Its subpath exports
 * are invisible to the "node" module resolution this project compiles with, hence require().
 */

/** A parsed JSONPath: one entry per segment. */
export type JsonPathSegment = { type: string; value?: unknown; deep?: boolean };

/** nimma's JSONPath parser: segments, filter scripts as raw text. Throws on a syntax error. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const parse = (require('nimma/parser') as { parse: (expression: string) => JsonPathSegment[] }).parse;

interface JsonPathEngine {
  query(input: unknown, callbacks: Record<string, () => void>): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Nimma = (require('nimma/legacy') as { default: new (expressions: string[], options: object) => JsonPathEngine }).default;

/**
 * Why nimma cannot run `expression` itself, or undefined when it can. Spectral hands what nimma cannot compile to
 * jsonpath-plus, which evaluates scripts; without a fallback, nimma refuses such an expression instead.
 */
export function nativeJsonPathProblem(expression: string): string | undefined {
  try {
    new Nimma([expression], { fallback: null, unsafe: false, output: 'auto', customShorthands: {} }).query(
      { x: { x: [1] } },
      { [expression]: () => undefined },
    );
    return undefined;
  } catch (error) {
    const errors = (error as { errors?: Error[] }).errors;
    return (errors?.[0] ?? (error as Error)).message;
  }
}
