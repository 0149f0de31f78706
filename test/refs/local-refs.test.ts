import { Resolver } from '@stoplight/json-ref-resolver';
import type { IResolveResult } from '@stoplight/json-ref-resolver/types';
import fc from 'fast-check';
import { pathToPointer, pointerToPath } from '@stoplight/json';
import { LocalFirstResolver, PLAIN_POINTER } from '../../src/refs/local-refs';

/**
 * A resolved document written out with its sharing: each object gets a number where it is first met, and later
 * meetings of the same object print only that number. Equal outlines mean equal data and equal sharing.
 */
function outline(value: unknown, seen = new Map<object, number>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return `<same as #${known}>`;
  seen.set(value, seen.size);
  const id = `#${seen.size - 1}`;
  return Array.isArray(value)
    ? [id, ...value.map((item) => outline(item, seen))]
    : [id, Object.entries(value).map(([key, item]) => [key, outline(item, seen)])];
}

const BASE = '/project/api.json';

/**
 * What Spectral reads of a resolution: the document, its sharing, the ref map, the errors, and every node of the graph
 * (each file and ref target) with its ref map and data.
 */
function summary(result: IResolveResult) {
  return {
    resolved: outline(result.result),
    refMap: result.refMap,
    graph: result.graph.overallOrder().map((node) => {
      const data = result.graph.getNodeData(node) as { refMap?: unknown; data?: unknown } | undefined;
      return [node, data?.refMap, outline(data?.data)];
    }),
    errors: result.errors.map(({ code, message, path }) => ({ code, message, path })),
  };
}

/** The document resolved by both, with `files` (by absolute path) as the other files it may reference. */
async function bothResolutions(document: unknown, files: Record<string, unknown> = {}) {
  const clone = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const options = () => ({
    resolvers: {
      file: {
        resolve: (uri: { path(): string }) =>
          uri.path() in files ? Promise.resolve(clone(files[uri.path()])) : Promise.reject(new Error(`no such file: ${uri.path()}`)),
      },
    },
  });
  const expected = summary(await new Resolver(options()).resolve(clone(document), { baseUri: BASE }));
  const actual = summary(await new LocalFirstResolver(options()).resolve(clone(document), { baseUri: BASE }));
  return { expected, actual };
}

describe('LocalFirstResolver gives what json-ref-resolver gives', () => {
  it.each<[string, unknown]>([
    ['a ref to a component', { paths: { '/a': { get: { $ref: '#/components/x' } } }, components: { x: { type: 'string' } } }],
    ['two refs to one target share it', { a: { $ref: '#/t' }, b: { $ref: '#/t' }, t: { p: { q: 1 } } }],
    ['a ref to a ref', { a: { $ref: '#/b' }, b: { $ref: '#/c' }, c: { v: true } }],
    ['a ref inside a ref target', { a: { $ref: '#/t' }, t: { inner: { $ref: '#/u' } }, u: [1, 2] }],
    ['a target inside another target', { a: { $ref: '#/t' }, b: { $ref: '#/t/in' }, t: { in: { $ref: '#/u' } }, u: { leaf: 'x' } }],
    ['a self-referencing schema', { s: { properties: { child: { $ref: '#/s' } } }, use: { $ref: '#/s' } }],
    ['mutual recursion', { a: { items: { $ref: '#/b' } }, b: { items: { $ref: '#/a' } }, root: { $ref: '#/a' } }],
    ['a ref to the whole document', { self: { $ref: '#' }, x: 1 }],
    ['a ref to an ancestor', { a: { b: { c: { $ref: '#/a' } } } }],
    ['a missing target', { a: { $ref: '#/nowhere' }, b: { $ref: '#/t/missing' }, t: {} }],
    ['an unparsable pointer', { a: { $ref: '#/bad%zz' }, b: { $ref: '#/t' }, t: { ok: 1 } }],
    ['escaped pointers', { paths: { '/a~b': { $ref: '#/defs/x~1y' } }, defs: { 'x/y': { v: 1 }, '~': 2 }, z: { $ref: '#/defs/~0' } }],
    ['refs into arrays', { list: [{ v: 1 }, { $ref: '#/list/0' }], other: { $ref: '#/list/1' } }],
    ['a ref below a key lodash refuses', { constructor: { $ref: '#/t' }, x: { prototype: { $ref: '#/t' } }, t: { v: 1 } }],
  ])('%s', async (_name, document) => {
    const { expected, actual } = await bothResolutions(document);
    expect(actual).toEqual(expected);
  });

  it('on random documents with local refs', async () => {
    const key = fc.constantFrom('a', 'b', 'c', 'items', '0', '1', 'constructor', 'x~1y', 'x/y');
    const pointer = fc.array(key, { maxLength: 4 }).map((path) => `#${path.map((segment) => `/${segment}`).join('')}`);
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.integer(), tie('ref'), tie('object'), tie('array')),
      ref: pointer.map(($ref) => ({ $ref })),
      object: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      array: fc.array(tie('tree'), { maxLength: 3 }),
    }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }), async (document) => {
        const { expected, actual } = await bothResolutions(document);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    [
      'refs to other files, as a split description has them',
      { paths: { '/a': { $ref: 'paths/a.json' }, '/b': { $ref: 'paths/b.json' } }, info: { v: 1 } },
      {
        '/project/paths/a.json': { get: { responses: { 200: { $ref: '../schemas/pet.json' } } } },
        '/project/paths/b.json': { post: { body: { $ref: '../schemas/pet.json#/properties/name' } } },
        '/project/schemas/pet.json': { properties: { name: { type: 'string' }, tag: { $ref: '#/properties/name' } } },
      },
    ],
    ['a ref at the top replaces the document', { $ref: 'other.json' }, { '/project/other.json': { v: { $ref: '#/w' }, w: 2 } }],
    [
      'a file that refers to itself by name, and back to the document',
      { a: { $ref: 'tree.json' }, b: { $ref: 'tree.json#/children' }, leaf: 1 },
      { '/project/tree.json': { children: { items: { $ref: 'tree.json' } }, up: { $ref: 'api.json#/leaf' } } },
    ],
    [
      'a missing file, a missing pointer in a file and a ref below another file ref',
      { a: { $ref: 'nowhere.json' }, b: { $ref: 'c.json#/missing' }, c: { $ref: 'c.json' }, d: { in: { $ref: 'c.json#/x' } } },
      { '/project/c.json': { x: { y: { $ref: '#/x' } } } },
    ],
  ])('%s', async (_name, document, files) => {
    const { expected, actual } = await bothResolutions(document, files);
    expect(actual).toEqual(expected);
  });

  it('on random projects of several files', async () => {
    const key = fc.constantFrom('a', 'b', 'items', '0', 'x~1y');
    const file = fc.constantFrom('', 'api.json', 'b.json', 'sub/c.json', '../sub/c.json', 'missing.json');
    const pointer = fc.array(key, { maxLength: 3 }).map((path) => path.map((segment) => `/${segment}`).join(''));
    const ref = fc
      .tuple(file, fc.option(pointer, { nil: undefined }))
      .map(([name, fragment]) => ({ $ref: fragment === undefined ? name || '#' : `${name}#${fragment}` }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.integer(), tie('ref'), tie('object'), tie('array')),
      ref,
      object: fc.dictionary(key, tie('tree'), { maxKeys: 3 }),
      array: fc.array(tie('tree'), { maxLength: 2 }),
    }));
    const document = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(document, document, document, async (root, b, c) => {
        const { expected, actual } = await bothResolutions(root, { '/project/b.json': b, '/project/sub/c.json': c });
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

test('a plain pointer is one that @stoplight/json parses into its segments between slashes, and re-encodes to itself', () => {
  const segment = fc.stringMatching(/^[\w.~%{} /é-]{0,4}$/);
  fc.assert(
    fc.property(fc.array(segment, { maxLength: 4 }), (segments) => {
      const pointer = `#${segments.map((part) => `/${part}`).join('')}`;
      if (!PLAIN_POINTER.test(pointer)) return;
      expect(pathToPointer(pointerToPath(pointer))).toBe(pointer);
      expect(pointerToPath(pointer)).toEqual(pointer.length === 1 ? [] : pointer.slice(2).split('/'));
    }),
    { numRuns: 3000 },
  );
  expect(['#', '#/components/schemas/Pet_2', '#/a/0/b-c.d'].every((pointer) => PLAIN_POINTER.test(pointer))).toBe(true);
  expect(['#/a~1b', '#/a%20b', '#/{id}', '#/é', '/a', '#a'].some((pointer) => PLAIN_POINTER.test(pointer))).toBe(false);
});
