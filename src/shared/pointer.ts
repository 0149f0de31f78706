/** The path a JSON pointer (RFC 6901) names, `~1` and `~0` unescaped: `/paths/~1pets/get` is `paths`, `/pets`, `get`. */
export function fromPointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether a reference is a URL (`https:`, `file:`…) rather than a file path. */
export function isUrl(reference: string): boolean {
  return /^[a-z][a-z\d+.-]+:/i.test(reference);
}

/** The JSON pointer (RFC 6901) of a path: `~` and `/` in a segment escaped as `~0` and `~1`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
