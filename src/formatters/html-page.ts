/**
 * The HTML report's one style and one script, kept apart from the Node side that fills the page. The script renders
 * the findings from the page's JSON data block with DOM calls only (`textContent`, never markup), so document content
 * cannot become markup in the browser whatever it holds.
 *
 * It renders lazily: a rule's findings are built when its group is opened, a page at a time, and only the first
 * groups start open. GitHub's description (about 6,700 findings in one file) so opens as fast as a small report.
 */

export const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1f2328}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.top{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
.error{color:#b42318}.warn{color:#9a6700}.info{color:#0969da}.hint{color:#57606a}
details{margin:.25rem 0}summary{cursor:pointer}
.group table{table-layout:fixed}.group td:nth-child(1){width:3.5rem}.group td:nth-child(2){width:5rem}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;margin:.25rem 0}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;background:#f6f8fa;padding:.5rem;position:sticky;top:0}
.muted{color:#57606a}
`;

export const SCRIPT = `
(() => {
  // Rows built before the page is first shown, and by each "Show more": enough to read, few enough to be instant.
  const FIRST_RENDER = 300;
  const PAGE = 100;
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const form = document.getElementById('filters');
  const element = (tag, properties, ...children) => {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  };
  const plural = (count, word) => count + ' ' + word + (count === 1 ? '' : 's');

  // Groups name their file and rule by index into the page's lists, to keep the data small.
  for (const groups of Object.values(data.sections))
    for (const group of groups) {
      group.file = data.files[group.file];
      group.rule = data.rules[group.rule];
      for (const finding of group.findings) finding.group = group;
    }

  const filterOf = () => ({
    severities: new Set([...form.querySelectorAll('input[name=severity]:checked')].map((box) => box.value)),
    rule: form.elements.rule.value,
    category: form.elements.category.value,
    words: form.elements.search.value.trim().toLowerCase(),
  });
  const searchText = (finding) =>
    (finding.searchText ??= [finding.message, finding.pointer, finding.group.rule.id, finding.group.file, finding.frame, finding.reason]
      .join('\\n')
      .toLowerCase());
  const matches = (finding, filter) =>
    filter.severities.has(finding.severity) &&
    (!filter.rule || finding.group.rule.id === filter.rule) &&
    (!filter.category || finding.group.rule.category === filter.category) &&
    (!filter.words || searchText(finding).includes(filter.words));

  const row = (finding) => {
    const details = element('td', {}, finding.message);
    if (finding.group.rule.fix) details.append(element('div', { className: 'muted', textContent: 'Fix: ' + finding.group.rule.fix }));
    if (finding.reason) details.append(element('div', { className: 'muted', textContent: 'Suppressed: ' + finding.reason }));
    if (finding.frame) details.append(element('pre', { textContent: finding.frame }));
    details.append(element('div', { className: 'muted', textContent: finding.pointer || '(document)' }));
    return element(
      'tr',
      { className: 'finding' },
      element('td', { className: finding.severity, textContent: finding.severity }),
      element('td', { textContent: finding.line + ':' + finding.column }),
      details,
    );
  };

  /** A rule's findings in one file, folded; its rows are built when it is opened, a page at a time. */
  const ruleGroup = (group, findings, open) => {
    const { rule } = group;
    const title = rule.docs ? element('a', { href: rule.docs, rel: 'noreferrer', textContent: rule.id }) : rule.id;
    const rows = element('tbody');
    const more = element('button', { type: 'button', hidden: true });
    const summary = element('summary', {}, title, ' ', element('span', { className: 'muted', textContent: '(' + findings.length + ')' }));
    const details = element('details', { className: 'group' }, summary, element('table', {}, rows), more);
    let built = 0;
    const build = (count) => {
      rows.append(...findings.slice(built, built + count).map(row));
      built = Math.min(findings.length, built + count);
      const left = findings.length - built;
      more.hidden = left === 0;
      more.textContent = 'Show ' + Math.min(PAGE, left) + ' more of ' + left;
    };
    more.addEventListener('click', () => build(PAGE));
    details.addEventListener('toggle', () => details.open && built === 0 && build(PAGE));
    if (open) {
      build(PAGE);
      details.open = true;
    }
    return details;
  };

  const render = (section, filter) => {
    const container = document.getElementById(section);
    let budget = FIRST_RENDER;
    let shown = 0;
    const files = new Map();
    for (const group of data.sections[section]) {
      const findings = group.findings.filter((finding) => matches(finding, filter));
      if (findings.length === 0) continue;
      shown += findings.length;
      if (!files.has(group.file)) files.set(group.file, element('section', {}, element('h3', { textContent: group.file })));
      files.get(group.file).append(ruleGroup(group, findings, budget > 0));
      budget -= Math.min(PAGE, findings.length);
    }
    container.replaceChildren(...(shown === 0 ? [element('p', { textContent: 'No findings match the filters.' })] : files.values()));
    const counter = document.getElementById(section + '-shown');
    if (counter) counter.textContent = plural(shown, 'finding') + ' shown';
  };

  const apply = () => {
    const filter = filterOf();
    for (const section of Object.keys(data.sections)) render(section, filter);
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const button of document.querySelectorAll('button[data-rule]'))
    button.addEventListener('click', () => {
      form.elements.rule.value = button.dataset.rule;
      apply();
      form.scrollIntoView();
    });
  apply();
})();
`;
