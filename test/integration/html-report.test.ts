import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, chromiumAvailable, launchChromium } from '../../scripts/chromium';
import { project, runCli } from '../support/cli';
import { REPO_ROOT } from '../support/rule-tester';

/**
 * The HTML report in a real browser: Debian's Chromium (apt-get install chromium), driven by playwright-core, which
 * downloads no browser. CI installs it; elsewhere the test is skipped with a reason when it is missing.
 */
const browserAvailable = chromiumAvailable();
if (!browserAvailable) {
  if (process.env.CI) throw new Error(`Chromium is required in CI at ${CHROMIUM}: apt-get install chromium`);
  console.warn(`Skipping the HTML report browser test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
}

/** Where `npm test` leaves the screenshot; OASGUARD_UPDATE_SCREENSHOT=1 writes the README's instead. */
const SCREENSHOT = join(REPO_ROOT, 'docs', 'html-report.png');

interface JsonReport {
  findings: { ruleId: string; severity: string; message: string }[];
  score: { score: number | null };
}

interface Opened {
  page: Page;
  /** Every request the page made, its own file included. */
  requests: string[];
  /** Console errors (a Content-Security-Policy violation is one) and uncaught exceptions. */
  errors: string[];
}

/** `oasguard lint` on `files` in `cwd`, writing the HTML and JSON reports side by side. */
async function report(cwd: string, files: string[]): Promise<{ html: string; json: JsonReport }> {
  const out = mkdtempSync(join(tmpdir(), 'oasguard-html-report-'));
  const run = await runCli(cwd, ['lint', ...files, '-f', `html:${out}/report.html`, '-f', `json:${out}/report.json`]);
  expect(run.stderr).toBe('');
  return { html: join(out, 'report.html'), json: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) };
}

const countsByRule = (findings: JsonReport['findings']) =>
  findings.reduce<Record<string, number>>((counts, finding) => ({ ...counts, [finding.ruleId]: (counts[finding.ruleId] ?? 0) + 1 }), {});

(browserAvailable ? describe : describe.skip)('HTML report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  async function open(file: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    return { page, requests, errors };
  }

  /** What a reader sees: the groups shown, each as its rule and the findings' messages built in it. */
  const shownGroups = (page: Page) =>
    page.$$eval('#findings details.group', (groups) =>
      groups.map((group) => ({
        rule: group.querySelector('summary')!.textContent!.replace(/ \(\d+\)$/, ''),
        count: Number(/\((\d+)\)$/.exec(group.querySelector('summary')!.textContent)![1]),
        open: group.hasAttribute('open'),
        messages: [...group.querySelectorAll('tr.finding td:nth-child(3)')].map((cell) => cell.firstChild!.textContent),
      })),
    );

  test("the insecure example: no error, no request, the JSON report's score and counts, and filters that show exactly what they name", async () => {
    const { html, json } = await report(REPO_ROOT, ['fixtures/examples/petstore-insecure.yaml']);
    const { page, requests, errors } = await open(html);

    expect(await page.textContent('svg[aria-label^="Security score"] text')).toBe(String(json.score.score));
    expect(await page.textContent('h1 + .top strong')).toBe(`Security score: ${json.score.score}/100.`);
    expect(await page.textContent('#findings-shown')).toBe(`${json.findings.length} findings shown`);
    // Counts per severity (the filters) and per rule (the table) are the JSON report's.
    const severityLabels = await page.$$eval('input[name=severity]', (boxes) => boxes.map((box) => box.parentElement!.textContent!.trim()));
    const severityCounts = json.findings.reduce<Record<string, number>>(
      (counts, finding) => ({ ...counts, [finding.severity]: (counts[finding.severity] ?? 0) + 1 }),
      { error: 0, warn: 0, info: 0, hint: 0 },
    );
    expect(severityLabels).toEqual(Object.entries(severityCounts).map(([severity, count]) => `${severity} (${count})`));
    const ruleTable = await page.$$eval('#rules tbody tr', (rows) =>
      rows.map((row) => [row.querySelector('td')!.textContent!, Number(row.querySelector('button')!.textContent)]),
    );
    expect(Object.fromEntries(ruleTable)).toEqual(countsByRule(json.findings));
    // Small enough to be built whole on opening.
    const groups = await shownGroups(page);
    expect(groups.every((group) => group.open && group.messages.length === group.count)).toBe(true);
    expect(groups.flatMap((group) => group.messages).sort()).toEqual(json.findings.map((finding) => finding.message).sort());

    await page.screenshot({ path: process.env.OASGUARD_UPDATE_SCREENSHOT ? SCREENSHOT : join(tmpdir(), 'oasguard-html-report.png') });

    // A rule chosen in the filter shows exactly that rule's findings (here in two files: the example and a file it
    // refers to).
    const expectOnly = async (ruleId: string) => {
      const shown = await shownGroups(page);
      expect(shown.map((group) => group.rule)).toEqual(shown.map(() => ruleId));
      const messages = json.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.message);
      expect(shown.flatMap((group) => group.messages).sort()).toEqual(messages.sort());
      expect(await page.textContent('#findings-shown')).toBe(`${messages.length} finding${messages.length === 1 ? '' : 's'} shown`);
    };
    await page.selectOption('select[name=rule]', 'limit-string-length');
    await expectOnly('limit-string-length');
    expect(await page.$$eval('#findings h3', (headings) => headings.map((heading) => heading.textContent))).toEqual([
      'fixtures/examples/petstore-insecure.yaml',
      'fixtures/examples/petstore-schemas.yaml',
    ]);
    // So does its button in the rule table, over the severity and search filters.
    await page.uncheck('input[name=severity][value=error]');
    await page.fill('input[name=search]', 'access_token');
    expect(await page.textContent('#findings-shown')).toBe('0 findings shown');
    await page.fill('input[name=search]', '');
    await page.click('#rules summary');
    await page.click('#rules button[data-rule="require-https-servers"]');
    expect(await page.textContent('#findings')).toBe('No findings match the filters.');
    await page.check('input[name=severity][value=error]');
    await expectOnly('require-https-servers');

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(html).href]);
    await page.close();
  }, 60_000);

  test('the screenshot in docs/ is the report as the browser shows it', () => {
    // The README shows docs/html-report.png; the test above takes it when asked to update it.
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 1500]);
  });

  test('hostile document content shows as text: no script runs, no image loads', async () => {
    // A file name may hold markup and terminal escapes too.
    const name = 'x<img src=x onerror="window.pwned=1">\u001b[31m.yaml';
    const dir = project({
      [name]: [
        'openapi: 3.0.3',
        'info: {title: "<script>window.pwned = 2</script>", version: "1"}',
        'servers:',
        '  - url: "http://api.example.com/</textarea><img src=x onerror=window.pwned=3>"',
        'paths:',
        '  "/a<script>window.pwned=4</script>":',
        '    get:',
        '      description: "javascript:window.pwned=5"',
        '      responses: {"200": {description: ok}}',
        '',
      ].join('\n'),
    });
    const { html, json } = await report(dir, [name]);
    const { page, requests, errors } = await open(html);

    // Expressions, as the tests are typed without the DOM's globals.
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(
      await page.evaluate('[document.images.length, document.scripts.length, document.querySelectorAll("a[href^=javascript]").length]'),
    ).toEqual([0, 2, 0]);
    const text = await page.innerText('#findings');
    expect(text).toContain('x<img src=x onerror="window.pwned=1">\\u001b[31m.yaml');
    expect(text).toContain('Operation GET /a<script>window.pwned=4</script> defines no 429 (Too Many Requests) response.');
    expect(text).toContain('http://api.example.com/</textarea><img src=x onerror=window.pwned=3>');
    expect(text).toContain('javascript:window.pwned=5');
    expect(json.findings.length).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(html).href]);
    await page.close();
  }, 60_000);

  test('thousands of findings: built a page at a time, every one reachable, filters count them all', async () => {
    // Every operation but the first lacks a 400 and a 429 response: two findings per operation, in two rule groups.
    const operation = (index: number) =>
      [
        `  /items${index}:`,
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        '            schema: {type: object, additionalProperties: false, properties: {n: {type: integer, minimum: 0, maximum: 9}}}',
        '      responses:',
        '        "200": {description: ok}',
        ...(index === 0 ? ['        "400": {description: bad}', '        "429": {description: slow}'] : []),
      ].join('\n');
    const dir = project({
      'big.yaml': [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'servers: [{url: "https://api.example.com"}]',
        'security: [{key: []}]',
        'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}',
        'paths:',
        ...Array.from({ length: 1500 }, (_, index) => operation(index)),
        '',
      ].join('\n'),
    });
    const { html, json } = await report(dir, ['big.yaml']);
    const counts = countsByRule(json.findings);
    expect(counts['define-400-response']).toBe(1499);
    const { page, errors } = await open(html);

    expect(await page.textContent('#findings-shown')).toBe(`${json.findings.length} findings shown`);
    // Opening builds a page of each large group, not thousands of rows.
    expect(await page.locator('tr.finding').count()).toBeLessThanOrEqual(300);
    const group = page.locator('#findings details.group', { hasText: 'define-400-response' });
    expect(await group.locator('tr.finding').count()).toBe(100);
    await group.locator('button', { hasText: 'Show 100 more of 1399' }).click();
    expect(await group.locator('tr.finding').count()).toBe(200);
    // The filter counts every finding of the rule, built or not.
    await page.selectOption('select[name=rule]', 'define-429-response');
    expect(await page.textContent('#findings-shown')).toBe(`${counts['define-429-response']} findings shown`);
    expect(await page.locator('tr.finding').count()).toBe(100);
    await page.fill('input[name=search]', 'items1499 defines');
    expect((await shownGroups(page))[0].messages).toEqual(['Operation POST /items1499 defines no 429 (Too Many Requests) response.']);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
