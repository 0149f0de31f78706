/**
 * Spectral's parsers build objects by assignment, so a `__proto__` key would replace the object's prototype and
 * its contents would become inherited, invisible properties. Before parsing, such keys are swapped for a stand-in
 * of the same length (so every position stays right), which parses as a plain key; reports swap it back.
 */
const PROTO_KEY = '__proto__';
const PROTO_STAND_IN = '__proto_\uFEFF';

/** The text to hand to the parsers. */
export function withPlainProtoKeys(text: string): string {
  return text.includes(PROTO_KEY) ? text.replaceAll(PROTO_KEY, PROTO_STAND_IN) : text;
}

/** A message or path segment as the document wrote it. */
export function restoreProtoKeys<T extends string | number>(value: T): T {
  return (typeof value === 'string' && value.includes(PROTO_STAND_IN) ? value.replaceAll(PROTO_STAND_IN, PROTO_KEY) : value) as T;
}

/** A path segment as the parsed data holds it: the inverse of {@link restoreProtoKeys}. */
export function asParsedKey<T extends string | number>(value: T): T {
  return (typeof value === 'string' ? withPlainProtoKeys(value) : value) as T;
}
