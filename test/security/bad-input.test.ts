import { chmodSync, symlinkSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/rule-tester';
import { BIN, HEAD, oasguard, op, project, runCli } from '../support/cli';

/** The unprivileged user that tests run the CLI as when they run as root. */
const NOBODY = 65534;

function aliasBomb(): string {
  let text = `${HEAD}paths: {}\nx-lol:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let level = 1; level < 10; level += 1) {
    const name = String.fromCharCode(97 + level);
    text += `  ${name}: &${name} [${Array(9)
      .fill(`*${String.fromCharCode(96 + level)}`)
      .join(',')}]\n`;
  }
  return text;
}

/** [case, files, arguments, exit code, the one finding expected (rule id, 1-based line, message pattern)]. */
const FINDING_CASES: [string, Record<string, string | Buffer>, string[], number, [string, number, RegExp]][] = [
  ['malformed YAML', { 'api.yaml': `${HEAD}paths: {/x: [}\n` }, ['api.yaml'], 1, ['parse-error', 3, /./]],
  ['truncated JSON', { 'api.json': '{"openapi": "3.0.3", "info": {"title": "t"' }, ['api.json'], 1, ['parse-error', 1, /expected/i]],
  ['an empty file', { 'api.yaml': '' }, ['api.yaml'], 1, ['parse-error', 1, /^The document is empty\.$/]],
  [
    'PNG bytes',
    { 'api.yaml': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    ['api.yaml'],
    1,
    ['parse-error', 1, /^The file is not UTF-8 text/],
  ],
  [
    'Latin-1 bytes',
    { 'api.yaml': Buffer.from(`${HEAD}paths: {}\nx-name: caf\xe9\n`, 'latin1') },
    ['api.yaml'],
    1,
    ['parse-error', 4, /not UTF-8 text \(an invalid byte at line 4\)/],
  ],
  [
    'YAML that is not OpenAPI',
    { 'config.yaml': 'name: app\nreplicas: 3\n' },
    ['config.yaml'],
    1,
    ['not-openapi', 1, /no "openapi" or "swagger" field/],
  ],
  [
    'openapi: 4.0.0',
    { 'api.yaml': 'openapi: 4.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n' },
    ['api.yaml'],
    1,
    ['not-openapi', 1, /unsupported version "openapi: 4\.0\.0"/],
  ],
  [
    'swagger: "1.2"',
    { 'api.yaml': 'swagger: "1.2"\ninfo: {title: t, version: "1"}\n' },
    ['api.yaml'],
    1,
    ['not-openapi', 1, /unsupported version "swagger: 1\.2"/],
  ],
  ['duplicate keys', { 'api.yaml': `${HEAD}paths: {}\npaths: {}\n` }, ['api.yaml'], 1, ['parse-error', 4, /^Duplicate key: paths\.$/]],
  ['a YAML alias bomb', { 'api.yaml': aliasBomb() }, ['api.yaml'], 1, ['parse-error', 6, /alias bomb is refused/]],
  [
    '10,000-deep YAML',
    { 'api.yaml': `${HEAD}paths: {}\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
    ['api.yaml'],
    1,
    ['parse-error', 4, /deeper than 256 levels/],
  ],
  [
    '10,000-deep JSON',
    { 'api.json': `{"openapi": "3.0.3", "x-deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
    ['api.json'],
    1,
    ['parse-error', 1, /deeper than 256 levels/],
  ],
  [
    'a pure $ref loop',
    {
      'api.yaml': `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/B"}\n    B: {$ref: "#/components/schemas/A"}\n`,
    },
    ['api.yaml', '--ruleset', 'recommended'],
    1,
    ['unresolved-ref', 6, /^\$ref loop: /],
  ],
  ['a $ref to a missing file', { 'api.yaml': op('./missing.yaml') }, ['api.yaml'], 1, ['unresolved-ref', 7, /no such file: missing\.yaml/]],
  [
    '$ref: ../../../../etc/passwd',
    { 'api.yaml': op('../../../../etc/passwd') },
    ['api.yaml'],
    1,
    ['unsafe-ref', 7, /^Refused \$ref "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd": it leaves the project root/],
  ],
  [
    '$ref: /etc/hostname',
    { 'api.yaml': op('/etc/hostname') },
    ['api.yaml'],
    1,
    ['unsafe-ref', 7, /^Refused \$ref "\/etc\/hostname": absolute paths are never followed/],
  ],
];

describe('bad input: a finding, exit 1, valid JSON and SARIF, no stack trace', () => {
  test.each(FINDING_CASES)(
    '%s',
    async (_name, files, args, exit, [ruleId, line, message]) => {
      const run = await oasguard(project(files), args);
      expect(run.status).toBe(exit);
      const finding = run.json?.findings.find((entry) => entry.ruleId === ruleId);
      expect(finding).toBeDefined();
      expect([finding!.range.start.line, finding!.message]).toEqual([line, expect.stringMatching(message)]);
    },
    30_000,
  );

  test('a symlink inside the root pointing outside is unsafe-ref, and its target is not read', async () => {
    const dir = project({ 'api.yaml': op('./shared.yaml') });
    symlinkSync('/etc/hostname', join(dir, 'shared.yaml'));
    const run = await oasguard(dir, ['api.yaml']);
    expect(run.status).toBe(1);
    expect(run.json?.findings.find((entry) => entry.ruleId === 'unsafe-ref')?.message).toBe(
      'Refused $ref to shared.yaml: its real path (through a symlink) is outside the project root.',
    );
  });

  test('empty stdin is an empty document', async () => {
    const run = await oasguard(project(), ['-'], { input: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1:1  error  The document is empty.  parse-error');
  });

  test('nulls where objects belong, and __proto__ keys, are findings on plain keys, never crashes', async () => {
    const nulls = `${HEAD}paths:\n  /x:\n    get: null\n  /y: null\ncomponents: {schemas: null, securitySchemes: {a: null}}\nsecurity: [null]\n`;
    const proto = `${HEAD}paths:\n  /x:\n    get:\n      __proto__: {security: []}\n      responses: {"200": {description: OK}}\n`;
    const run = await oasguard(project({ 'nulls.yaml': nulls, 'proto.yaml': proto }), ['nulls.yaml', 'proto.yaml']);
    expect(run.status).toBe(1);
    const inProto = run.json!.findings.filter((entry) => entry.message.includes('__proto__') || entry.ruleId === 'require-security');
    // The __proto__ member is not the operation's `security`: GET /x has none, and is the unauthenticated operation.
    const place = (entry: (typeof inProto)[number]) =>
      (entry as { related?: { range: { start: { line: number } } }[] }).related?.[0] ?? entry;
    expect(inProto.map((entry) => [entry.ruleId, place(entry).range.start.line])).toEqual(
      expect.arrayContaining([
        ['invalid-openapi', 6],
        ['require-security', 5],
      ]),
    );
    expect(({} as Record<string, unknown>).security).toBeUndefined();
  });

  test('objects where names and types belong (a fuzzing find) are invalid-openapi findings, never crashes, in lint and authz', async () => {
    // A scheme `type` and scopes that are objects with a `toString` member: String() throws on them.
    const text =
      `${HEAD}security: [{oauth: [{toString: ""}]}]\npaths:\n  /admin/x:\n    post:\n      responses: {"200": {description: OK}}\n` +
      'components:\n  securitySchemes:\n    oauth: {type: {toString: ""}, flows: {}}\n';
    const dir = project({ 'api.yaml': text });
    const run = await oasguard(dir, ['api.yaml']);
    expect(run.status).toBe(1);
    expect(run.json!.findings.filter((entry) => entry.ruleId === 'internal-error')).toEqual([]);
    expect(run.json!.findings.some((entry) => entry.ruleId === 'invalid-openapi')).toBe(true);
    const authz = await runCli(dir, ['authz', 'api.yaml', '-f', 'json']);
    expect([authz.status, authz.stderr]).toEqual([0, '']);
    expect(JSON.parse(authz.stdout).documents[0].operations[0].alternatives).toEqual([[{ scheme: 'oauth', scopes: ['{"toString":""}'] }]]);
  });

  test('a UTF-8 BOM with CRLF line endings lints normally, with correct lines', async () => {
    const text =
      '\ufeffopenapi: 3.0.3\r\ninfo:\r\n  title: t\r\n  version: "1"\r\nservers:\r\n  - url: http://api.example.com\r\npaths: {}\r\n';
    const run = await oasguard(project({ 'api.yaml': text }), ['api.yaml']);
    expect(run.json!.findings.map((entry) => [entry.ruleId, entry.range.start.line])).toEqual([['require-https-servers', 6]]);
  });

  test('a self-referencing and mutually recursive schemas lint normally', async () => {
    const schemas =
      '    Node: {type: object, properties: {next: {$ref: "#/components/schemas/Node"}, tree: {$ref: "#/components/schemas/Tree"}}}\n    Tree: {type: object, properties: {root: {$ref: "#/components/schemas/Node"}}}\n';
    const run = await oasguard(project({ 'api.yaml': `${HEAD}paths: {}\ncomponents:\n  schemas:\n${schemas}` }), ['api.yaml']);
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('No problems found in 1 document.')]);
  });

  test('a unicode file name with spaces and brackets', async () => {
    const run = await oasguard(project({ 'spécs [v2] (draft).yaml': `${HEAD}servers: [{url: "http://x.example.com"}]\npaths: {}\n` }), [
      'spécs [v2] (draft).yaml',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^spécs \[v2\] \(draft\)\.yaml$/m);
  });

  test('a 20 MB single-line JSON document under the limit lints', async () => {
    const document = { openapi: '3.0.3', info: { title: 't', version: '1', description: 'x'.repeat(20 * 1024 * 1024) }, paths: {} };
    const run = await oasguard(project({ 'big.json': JSON.stringify(document) }), ['big.json']);
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('No problems found in 1 document.')]);
  });
});

describe('bad input: exit 2, one clear line on stderr, no stack trace', () => {
  test.each([
    [
      'a 60 MB file, over the size limit',
      { 'big.yaml': Buffer.alloc(60 * 1024 * 1024, 0x20) },
      ['big.yaml'],
      /^oasguard: Cannot lint big\.yaml: .* is 62914560 bytes, over the 52428800-byte limit \(--max-file-size\)\.\n$/,
    ],
    ['a directory without OpenAPI files', { 'dir/config.yaml': 'a: 1\n' }, ['dir'], /^oasguard: No OpenAPI documents found in dir\.\n/],
    ['a missing path', {}, ['nope.yaml'], /^oasguard: No such file or directory: nope\.yaml\n$/],
    ['an unknown flag', {}, ['--frobnicate'], /^error: unknown option '--frobnicate'\n/],
    [
      '--root naming a missing directory',
      { 'api.yaml': `${HEAD}paths: {}\n` },
      ['api.yaml', '--root', 'nope'],
      /^oasguard: The root nope is missing\.\n {2}--root names the directory that \$refs and rulesets may read below\.\n$/,
    ],
    [
      '--root naming a file',
      { 'api.yaml': `${HEAD}paths: {}\n` },
      ['api.yaml', '--root', 'api.yaml'],
      /^oasguard: The root api\.yaml is not a directory\.\n/,
    ],
    [
      'a bad flag value',
      {},
      ['x.yaml', '--max-depth', 'deep'],
      /^error: option '--max-depth <levels>' argument 'deep' is invalid\. Expected a whole number from 1 to 1000\.\n/,
    ],
  ] as [string, Record<string, string | Buffer>, string[], RegExp][])(
    '%s',
    async (_name, files, args, message) => {
      const run = await oasguard(project(files), args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
    },
    30_000,
  );

  test('a file that cannot be opened for reading', async () => {
    const dir = project();
    const socket = await new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(join(dir, 'api.yaml'), () => resolve(server));
    });
    const run = await oasguard(dir, ['api.yaml']);
    socket.close();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oasguard: Not a regular file: api\.yaml\n {2}Sockets, pipes and devices are not read\.\n$/);
  });

  test('an unreadable file (mode 000; as root, who can read anything, the CLI runs as nobody)', async () => {
    const dir = project({ 'api.yaml': `${HEAD}paths: {}\n` });
    chmodSync(join(dir, 'api.yaml'), 0o000);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o755);
    const run = await oasguard(dir, ['api.yaml'], asRoot ? { uid: NOBODY } : {});
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^oasguard: Cannot lint api\.yaml: cannot read .*EACCES/);
  });
});

describe("the network: nothing is requested on a document's say-so", () => {
  let server: Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      connections += 1;
      socket.on('error', () => undefined); // the client gives up on us: that is the point
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server.close());
  beforeEach(() => (connections = 0));

  const proxied = () => ({
    HTTP_PROXY: `http://127.0.0.1:${port}`,
    HTTPS_PROXY: `http://127.0.0.1:${port}`,
    http_proxy: `http://127.0.0.1:${port}`,
    https_proxy: `http://127.0.0.1:${port}`,
  });

  test.each([[[] as string[]], [['--allow-remote-refs']]])(
    'the cloud metadata address is refused, even through a proxy (%j)',
    async (flags) => {
      const run = await oasguard(project({ 'api.yaml': op('http://169.254.169.254/latest/meta-data') }), ['api.yaml', ...flags], {
        env: proxied(),
      });
      expect(run.status).toBe(1);
      expect(run.json?.findings.find((entry) => entry.ruleId === 'unsafe-ref')?.range.start.line).toBe(7);
      expect(connections).toBe(0);
    },
  );

  test('a private address is refused before connecting, even with --allow-remote-refs', async () => {
    const run = await oasguard(project({ 'api.yaml': op(`https://127.0.0.1:${port}/api.yaml`) }), ['api.yaml', '--allow-remote-refs']);
    expect(run.json?.findings.find((entry) => entry.ruleId === 'unsafe-ref')?.message).toMatch(/is a private or loopback address\.$/);
    expect(connections).toBe(0);
  });

  test.each([['[::127.0.0.1]'], ['[::ffff:0:127.0.0.1]'], ['[::ffff:127.0.0.1]'], ['[64:ff9b::7f00:1]']])(
    'the IPv4-embedding address %s is private, refused before connecting',
    async (host) => {
      const run = await oasguard(project({ 'api.yaml': op(`https://${host}:${port}/api.yaml`) }), ['api.yaml', '--allow-remote-refs']);
      expect(run.json?.findings.find((entry) => entry.ruleId === 'unsafe-ref')?.message).toMatch(/is a private or loopback address\.$/);
      expect(connections).toBe(0);
    },
  );

  test('all remote refs of a run share one time budget: the refs left when it is spent are unresolved', async () => {
    const refs = [1, 2, 3]
      .map((n) => `  /p${n}:\n    get:\n      responses:\n        "200": {$ref: "https://127.0.0.1:${port}/r${n}.yaml"}\n`)
      .join('');
    const started = Date.now();
    const run = await oasguard(project({ 'api.yaml': `${HEAD}paths:\n${refs}` }), [
      'api.yaml',
      '--allow-remote-refs',
      '--allow-private-hosts',
      '--timeout',
      '60000',
      '--remote-budget',
      '400',
    ]);
    const unresolved = run.json!.findings.filter((entry) => entry.ruleId === 'unresolved-ref');
    expect(unresolved.map((entry) => entry.message)).toEqual(
      Array(3).fill("Cannot resolve $ref: the run's 400 ms for remote $refs ran out (--remote-budget)."),
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('a remote ref to a server that never answers times out', async () => {
    const started = Date.now();
    const run = await oasguard(project({ 'api.yaml': op(`https://127.0.0.1:${port}/api.yaml`) }), [
      'api.yaml',
      '--allow-remote-refs',
      '--allow-private-hosts',
      '--timeout',
      '300',
    ]);
    expect(run.json?.findings.find((entry) => entry.ruleId === 'unresolved-ref')?.message).toBe(
      'Cannot resolve $ref: no answer within 300 ms.',
    );
    expect(connections).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

test('output piped into a reader that stops after one line: no EPIPE crash', async () => {
  const dir = project({ 'api.yaml': `${HEAD}paths: {}\n` });
  const result = await new Promise<{ stderr: string }>((resolve) => {
    execFile(
      'bash',
      [
        '-c',
        `node ${JSON.stringify(BIN)} lint ${JSON.stringify(join(REPO_ROOT, 'fixtures/examples'))} --root / -f json | head -1 >/dev/null`,
      ],
      { cwd: dir },
      (_error, _stdout, stderr) => resolve({ stderr }),
    );
  });
  expect(result.stderr).toBe('');
});
