/** The JSON pointer (RFC 6901) of a path: `~` and `/` in a segment escaped as `~0` and `~1`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
