import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_LIMITS } from '../../src/input/limits';
import { createConfinedResolver } from '../../src/refs/resolver';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function projectResolver() {
  const dir = mkdtempSync(join(tmpdir(), 'oasguard-resolver-'));
  writeFileSync(join(dir, 'shared.json'), '{"Pet": {"type": "object"}}');
  const reads: string[] = [];
  const resolver = createConfinedResolver(
    { root: dir, limits: DEFAULT_LIMITS },
    (href) => reads.push(href),
    () => undefined,
    () => undefined,
  );
  // As Spectral calls it: the caller parses a referenced file's text.
  const parseResolveResult = (opts: { result: unknown }) => Promise.resolve({ result: JSON.parse(String(opts.result)) as unknown });
  const resolve = (name: string, document: object) => resolver.resolve(document, { baseUri: join(dir, name), parseResolveResult });
  return { dir, reads, resolve };
}

const document = (pet: object) => ({ openapi: '3.0.3', components: { schemas: { Pet: pet, Pets: { $ref: '#/components/schemas/Pet' } } } });

describe('createConfinedResolver', () => {
  test('reads a file that several documents reference once per run', async () => {
    const { dir, reads, resolve } = projectResolver();
    for (const name of ['a.json', 'b.json']) {
      const resolved = await resolve(name, document({ $ref: 'shared.json#/Pet' }));
      const pet = { type: 'object' };
      expect([resolved.errors, resolved.result]).toEqual([[], { openapi: '3.0.3', components: { schemas: { Pet: pet, Pets: pet } } }]);
    }
    expect(reads).toEqual([join(dir, 'shared.json')]);
  });

  test('keeps no document it resolved: a run over many files does not hold them all', async () => {
    const { resolve } = projectResolver();
    const weakly = async (name: string) => {
      const source = document({ type: 'string' });
      const resolved = await resolve(name, source);
      return [new WeakRef(source), new WeakRef(resolved.result as object), new WeakRef(resolved.graph)];
    };
    const refs = [...(await weakly('a.json')), ...(await weakly('b.json'))];
    // A weak reference holds until the job that made it ends.
    await new Promise((resolved) => setImmediate(resolved));
    collectGarbage();
    expect(refs.map((ref) => ref.deref())).toEqual(refs.map(() => undefined));
  });
});
