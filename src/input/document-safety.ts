/**
 * Keys that parsed data must not hold as written. Spectral's parsers build objects by assignment, so a `__proto__`
 * key would replace the object's prototype and its contents would become inherited, invisible properties (an
 * operation inheriting `security: []`); a `hasOwnProperty` key shadows the method json-ref-resolver calls on every
 * object, and the lint crashes. Before parsing, such keys are swapped for a stand-in of the same length (so every
 * position stays right), which parses as a plain key; reports swap it back. Keys that spell one through escapes
 * (`"\u005f_proto__"` in JSON, `"\x5F_proto__"` in YAML) are re-spelt as the stand-in in as many characters.
 */
const HAZARDS: readonly [key: string, standIn: string][] = [
  ['__proto__', '__proto_\uFEFF'],
  ['hasOwnProperty', 'hasOwnPropert\uFEFF'],
];

/** The text to hand to the parsers; `json` chooses the escapes a re-spelt key may use. */
export function withSafeKeys(text: string, json = false): string {
  let plain = text;
  for (const [key, standIn] of HAZARDS) if (plain.includes(key)) plain = plain.replaceAll(key, standIn);
  return mayHideHazard(plain) ? plain.replace(DOUBLE_QUOTED, (quoted) => respelt(quoted, json) ?? quoted) : plain;
}

/** A message or path segment as the document wrote it. */
export function restoreKeys<T extends string | number>(value: T): T {
  if (typeof value !== 'string' || !value.includes('\uFEFF')) return value;
  let restored: string = value;
  for (const [key, standIn] of HAZARDS) restored = restored.replaceAll(standIn, key);
  return restored as T;
}

/** A path segment as the parsed data holds it: the inverse of {@link restoreKeys}. */
export function asParsedKey<T extends string | number>(value: T): T {
  return (typeof value === 'string' ? withSafeKeys(value) : value) as T;
}

/** JSON and YAML hexadecimal escapes: the only ones that can spell a character of a hazardous key. */
const ESCAPE = /\\(?:U([\da-fA-F]{8})|u([\da-fA-F]{4})|x([\da-fA-F]{2}))/g;
const DOUBLE_QUOTED = /"(?:[^"\\]|\\.)*"/g;
/** One character of a double-quoted string: itself, or a hexadecimal escape. */
const UNIT = /\\(?:U[\da-fA-F]{8}|u[\da-fA-F]{4}|x[\da-fA-F]{2})|[^\\]/gy;

/** `text` with its JSON and YAML hexadecimal escapes (`\u006f`, `\x6F`, `\U0000006F`) decoded. */
export function unescapeHex(text: string): string {
  return text.replace(ESCAPE, (_, ...codes: (string | undefined)[]) =>
    String.fromCodePoint(
      parseInt(
        codes.slice(0, 3).find((code) => code !== undefined)!,
        16,
      ) % 0x110000,
    ),
  );
}

/** Whether a text's escapes may spell a hazardous key: only then are its quoted strings looked at. */
function mayHideHazard(text: string): boolean {
  if (!text.includes('\\')) return false;
  const unescaped = unescapeHex(text);
  return HAZARDS.some(([key]) => unescaped.includes(key));
}

/** The spellings of one character, by length: itself, and the escapes JSON (`\u`) or YAML (`\x`, `\u`, `\U`) have. */
function spellings(char: string, json: boolean): Map<number, string> {
  const code = char.codePointAt(0)!;
  const hex = (digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');
  const options = new Map<number, string>([
    [1, char],
    [6, `\\u${hex(4)}`],
  ]);
  if (!json) {
    if (code <= 0xff) options.set(4, `\\x${hex(2)}`);
    options.set(10, `\\U${hex(8)}`);
  }
  return options;
}

/** A double-quoted string that spells a hazardous key through escapes, re-spelt as its stand-in in as many characters. */
function respelt(quoted: string, json: boolean): string | undefined {
  if (!quoted.includes('\\')) return undefined;
  const content = quoted.slice(1, -1);
  UNIT.lastIndex = 0;
  const units = content.match(UNIT) ?? [];
  const standIn = HAZARDS.find(([key]) => key === unescapeHex(content))?.[1];
  if (units.join('') !== content || standIn === undefined) return undefined;
  // Any spelling of each stand-in character whose lengths add up to the original's: a small search, done rarely.
  const choices = [...standIn].map((char) => spellings(char, json));
  const dead = new Set<number>(); // index * 1024 + remaining, for searches that failed
  const spell = (index: number, remaining: number): string[] | undefined => {
    if (index === choices.length) return remaining === 0 ? [] : undefined;
    if (dead.has(index * 1024 + remaining)) return undefined;
    for (const [length, text] of choices[index]) {
      const rest = length <= remaining ? spell(index + 1, remaining - length) : undefined;
      if (rest) return [text, ...rest];
    }
    dead.add(index * 1024 + remaining);
    return undefined;
  };
  const spelt = spell(0, content.length);
  return spelt && `"${spelt.join('')}"`;
}
