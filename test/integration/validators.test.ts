import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import type * as Structure from '../../src/engine/structure';
import { REPO_ROOT } from '../support/rule-tester';

// The build's output: npm test builds it. The unit tests run the sources, which compile the schemas instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const structure = require('../../dist/engine/structure') as typeof Structure;

/** Every fixture of a version, valid and invalid ones (the rule fixtures break many rules, and some the schema). */
function fixturesOf(version: string): unknown[] {
  const dir = join(REPO_ROOT, 'fixtures', 'rules');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>)
    .filter((document) => String(document.openapi ?? document.swagger).startsWith(version));
}

describe('precompiled structural validators', () => {
  test.each(structure.VERSIONS)(
    'OpenAPI %s: the build generated one, and it judges every fixture as the compiled schema does',
    (version) => {
      const file = structure.precompiledFile(version);
      expect(existsSync(file)).toBe(true);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const precompiled = require(file) as ValidateFunction;
      const { ajv, schema } = structure.compilerFor(version);
      const compiled = ajv.compile(schema);
      const documents = fixturesOf(version);
      expect(documents.length).toBeGreaterThan(version === '3.2' ? 0 : 5);
      for (const document of documents) {
        expect([precompiled(document), precompiled.errors ?? null]).toEqual([compiled(document), compiled.errors ?? null]);
      }
    },
  );
});
