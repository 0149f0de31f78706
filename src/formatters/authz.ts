/**
 * The authorization matrix (`oasguard authz`) as text, Markdown, JSON and CSV: pure functions of a lint result
 * computed with `authorization: true`. Every string in it is document content, escaped for where it is shown.
 */
import { TOOL_NAME, TOOL_VERSION } from '../shared/meta';
import type { AuthzDocument, AuthzOperation, AuthzScheme, LintResult } from '../shared/types';
import { alignedRows } from './columns';
import { markdownCell } from './markdown';
import { printable } from './printable';

/** The formats of `oasguard authz --format`. */
export const AUTHZ_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
export type AuthzFormat = (typeof AUTHZ_FORMATS)[number];

/** The version of the JSON form; it changes only when a field changes meaning or goes away. */
export const AUTHZ_JSON_VERSION = 1;

function schemeLabel({ scheme, scopes }: AuthzScheme): string {
  return scopes.length > 0 ? `${scheme} (${scopes.join(', ')})` : scheme;
}

/** Who may call an operation, in words: the alternatives, any one of which suffices. */
export function accessLabel(operation: AuthzOperation): string {
  if (operation.access === 'public') return 'anyone (security: [])';
  if (operation.access === 'none') return 'anyone (no security requirement)';
  const alternatives = operation.alternatives
    .filter((alternative) => alternative.length > 0)
    .map((alternative) => alternative.map(schemeLabel).join(' + '));
  if (operation.access === 'optional') alternatives.push('anyone');
  return alternatives.join(' | ');
}

/** The flags in words, with what each is about: `admin-shares-requirement (like GET /pets)`, `no-401-403 (403)`. */
function flagsLabel(operation: AuthzOperation): string {
  const detail = (flag: string) =>
    flag === 'admin-shares-requirement' && operation.sharesWith
      ? ` (like ${operation.sharesWith})`
      : flag === 'no-401-403' && operation.missingResponses
        ? ` (no ${operation.missingResponses.join(', no ')})`
        : '';
  return operation.flags.map((flag) => `${flag}${detail(flag)}`).join(', ');
}

function totals(documents: readonly AuthzDocument[]): string {
  const operations = documents.flatMap((document) => document.operations);
  const open = operations.filter((operation) => operation.access !== 'required').length;
  const flagged = operations.filter((operation) => operation.flags.some((flag) => flag !== 'public')).length;
  return `${operations.length} operation${operations.length === 1 ? '' : 's'}: ${open} callable without credentials, ${flagged} with other flags.`;
}

function unanalyzedLines(result: LintResult): string[] {
  return result.unlinted.map(({ file, message }) => `${printable(file)}: not analyzed: ${printable(message)}`);
}

function text(result: LintResult): string {
  const lines: string[] = [];
  for (const document of result.authorization ?? []) {
    lines.push(printable(document.file));
    const rows = document.operations.map((operation) =>
      [operation.method, operation.path, accessLabel(operation), flagsLabel(operation)].map(printable),
    );
    for (const line of alignedRows(rows)) lines.push(`  ${line}`);
    lines.push('');
  }
  return [...lines, ...unanalyzedLines(result), totals(result.authorization ?? [])].join('\n') + '\n';
}

function markdown(result: LintResult): string {
  const lines = ['## oasguard authorization matrix', '', totals(result.authorization ?? []), ''];
  for (const document of result.authorization ?? []) {
    lines.push(`### ${markdownCell(document.file)}`, '', '| Method | Path | Who may call it | Flags |', '| --- | --- | --- | --- |');
    for (const operation of document.operations) {
      lines.push(
        `| ${operation.method} | ${markdownCell(operation.path)} | ${markdownCell(accessLabel(operation))} | ${markdownCell(flagsLabel(operation))} |`,
      );
    }
    lines.push('');
  }
  for (const line of result.unlinted.map(({ file, message }) => `${file}: not analyzed: ${message}`)) lines.push(`- ${markdownCell(line)}`);
  return lines.join('\n').trimEnd() + '\n';
}

function json(result: LintResult): string {
  return (
    JSON.stringify(
      {
        version: AUTHZ_JSON_VERSION,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        documents: result.authorization ?? [],
        unanalyzed: result.unlinted,
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
 * return first) is prefixed with `'`: the document's author, not the reviewer, chose it.
 */
function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function csv(result: LintResult): string {
  const header = ['file', 'method', 'path', 'operationId', 'access', 'alternatives', 'flags', 'sharesWith'];
  const rows = (result.authorization ?? []).flatMap((document) =>
    document.operations.map((operation) => [
      document.file,
      operation.method,
      operation.path,
      operation.operationId ?? '',
      operation.access,
      operation.alternatives.map((alternative) => alternative.map(schemeLabel).join(' + ')).join(' | '),
      operation.flags.join(' '),
      operation.sharesWith ?? '',
    ]),
  );
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The authorization matrix of a lint result in `format`. */
export function formatAuthz(result: LintResult, format: AuthzFormat): string {
  return { text, markdown, json, csv }[format](result);
}
