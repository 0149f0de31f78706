import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from '../support/in-process';
import { REPO_ROOT } from '../support/rule-tester';

const INSECURE = 'fixtures/examples/petstore-insecure.yaml';

describe('oasguard authz', () => {
  test('prints the matrix as text and exits 0, findings or not: it lists, it does not judge', async () => {
    const { code, stdout, stderr } = await runInProcess(['authz', INSECURE]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(
      /^ {2}POST {4}\/pets {26}basicAuth \| petstoreAuth \(pets:read\) \| sessionCookie {2}write-with-read-only-scope, /m,
    );
    expect(stdout).toMatch(/^5 operations: 2 callable without credentials, 3 with other flags\.\n$/m);
  });

  test("the README's example is what it prints", async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /\$ npx oasguard authz (\S+)\n([\s\S]*?)```/.exec(readme);
    expect(example?.[1]).toBe(INSECURE);
    expect((await runInProcess(['authz', INSECURE])).stdout).toBe(example?.[2]);
  });

  test('-f csv -o FILE writes the matrix to the file, with the referenced schemas read as lint reads them', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'oasguard-')), 'authz.csv');
    const { code, stdout } = await runInProcess(['authz', INSECURE, '-f', 'csv', '-o', out]);
    expect([code, stdout]).toEqual([0, '']);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[2]).toBe(
      `${INSECURE},POST,/pets,createPet,required,basicAuth | petstoreAuth (pets:read) | sessionCookie,write-with-read-only-scope no-401-403,`,
    );
  });

  test('a document that cannot be analyzed is listed and fails the run (exit 1); the others are still tabulated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oasguard-'));
    copyFileSync(join(REPO_ROOT, 'fixtures/rules/require-distinct-admin-security/pass-swagger2.yaml'), join(dir, 'good.yaml'));
    writeFileSync(join(dir, 'broken.yaml'), 'openapi: 3.0.3\npaths: {\n');
    const { code, stdout } = await runInProcess(['authz', 'good.yaml', 'broken.yaml', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.documents.map((document: { file: string }) => document.file)).toEqual(['good.yaml']);
    expect(report.unanalyzed).toMatchObject([{ file: 'broken.yaml', reason: 'parse-error' }]);
  });

  test.each([
    [['authz', INSECURE, '-f', 'xml'], /option '-f, --format <format>' argument 'xml' is invalid/],
    [['authz'], /^oasguard: No input given\./],
    [
      ['authz', INSECURE, '-o', INSECURE],
      /^oasguard: Refused to write fixtures\/examples\/petstore-insecure\.yaml: it is one of the inputs\./,
    ],
  ])('usage errors exit 2 with one line: %j', async (args, message) => {
    const { code, stdout, stderr } = await runInProcess(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(message);
  });
});
