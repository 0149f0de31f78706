import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../meta';
import type { RuleMeta, Severity } from '../types';
import type { Formatter } from './types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF has three result levels; hints are notes too. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

/** GitHub code scanning ranks security results by this CVSS-like score: errors high, warnings medium, the rest low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warn: '5.0', info: '3.0', hint: '1.0' };

/** Files are reported relative to this base, which the consumer maps to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

function helpMarkdown(rule: RuleMeta): string {
  const sources = rule.sources.map((source) => `- ${source}`).join('\n');
  return `${rule.description}\n\n${rule.rationale}\n\n**Fix:** ${rule.fix}\n\n**Guidelines:**\n${sources}\n\n[Documentation](${rule.docsUrl})`;
}

function descriptor(rule: RuleMeta): ReportingDescriptor {
  const tags = ['security', ...(rule.owasp ? [`OWASP-${rule.owasp}`] : []), ...rule.cwe.map((cwe) => `external/cwe/cwe-${cwe}`)];
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.rationale}` },
    help: {
      text: `${rule.description}\n\n${rule.rationale}\n\nFix: ${rule.fix}\n\nGuidelines: ${rule.sources.join('; ')}`,
      markdown: helpMarkdown(rule),
    },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags, precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

/** A file's location: repo-relative and percent-encoded under the source root, or an absolute file URI outside it. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('../') || isAbsolute(file)) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** SARIF 2.1.0 log with one run: every active rule as a descriptor and one result per finding. */
export const formatSarif: Formatter = (result, context) => {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file, context.cwd),
          region: {
            startLine: finding.range.start.line,
            startColumn: finding.range.start.column,
            endLine: finding.range.end.line,
            endColumn: finding.range.end.column,
          },
        },
        logicalLocations: [{ fullyQualifiedName: finding.pointer, kind: 'member' }],
      },
    ],
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: result.rules.map(descriptor),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(`${resolve(context.cwd)}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
