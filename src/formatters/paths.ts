/**
 * File names re-based from one directory to another: a lint result names files relative to the directory oasguard
 * ran in, which people read; code scanning, annotations and CI reports need them relative to the repository root,
 * whatever directory oasguard ran in.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isUrl } from '../shared/pointer';
import type { Finding, LintResult } from '../shared/types';

/** A file name relative to `from`, made relative to `to` (with `/`); URLs and names outside `to` stay as they are. */
function rebasePath(file: string, from: string, to: string): string {
  if (isUrl(file) || file.startsWith('<')) return file;
  const absolute = resolve(from, file);
  const inside = relative(to, absolute);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/');
}

/** `result` with every file name relative to `to` instead of `from`. */
export function rebaseResult(result: LintResult, from: string, to: string): LintResult {
  if (resolve(from) === resolve(to)) return result;
  const path = (file: string) => rebasePath(file, from, to);
  const finding = (entry: Finding): Finding => ({
    ...entry,
    file: path(entry.file),
    ...(entry.related ? { related: entry.related.map((related) => ({ ...related, file: path(related.file) })) } : {}),
  });
  return {
    ...result,
    files: result.files.map(path),
    unlinted: result.unlinted.map((entry) => ({ ...entry, file: path(entry.file) })),
    skipped: result.skipped.map((entry) => ({ ...entry, file: path(entry.file) })),
    referenced: result.referenced.map(path),
    findings: result.findings.map(finding),
    suppressed: result.suppressed.map(finding),
    baselined: result.baselined.map(finding),
    ...(result.authorization ? { authorization: result.authorization.map((entry) => ({ ...entry, file: path(entry.file) })) } : {}),
  };
}
