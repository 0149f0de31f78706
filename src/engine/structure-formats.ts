/**
 * The formats structural validation checks, in a module of their own: the precompiled validators
 * (scripts/build-validators.js) require it by path, as ajv's standalone code must.
 *
 * Of the formats, only `regex` is checked: a `pattern` must compile as JavaScript reads it (ECMA-262, which OpenAPI
 * asks for), and must not use another engine's anchors (`\A`, `\Z`, `\z`), which JavaScript reads as plain letters, so
 * the pattern is not applied as its author meant. Identity escapes such as `\_` are accepted, as validators without
 * the `u` flag accept them (requiring `u` flagged 540 patterns in the corpus, most of them harmless). URLs, e-mail
 * addresses and the like are left alone, as swagger-parser leaves every format.
 */
const FOREIGN_ANCHOR = /(?:^|[^\\])(?:\\\\)*\\[AZz]/;

export const structureFormats = {
  regex: (pattern: string): boolean => {
    if (FOREIGN_ANCHOR.test(pattern)) return false;
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  },
};
