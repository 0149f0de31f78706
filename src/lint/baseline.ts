import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isBaselined } from '../rules/diagnostics';
import { UsageError } from '../shared/errors';
import type { Finding } from '../shared/types';

/** The baseline file format's version, its first key, so that the file says what it is. */
export const BASELINE_VERSION = 1;

/** The default baseline file name. */
export const DEFAULT_BASELINE_FILE = 'oasguard-baseline.json';

/** A known finding: matched by rule, file, pointer and the hash of the flagged node, never by line. */
export interface BaselineEntry {
  /** Relative to the baseline file's directory, forward slashes: the baseline works from any working directory. */
  file: string;
  pointer: string;
  rule: string;
  hash: string;
}

/** A baseline: its entries, sorted. */
export interface Baseline {
  entries: BaselineEntry[];
}

/** Where the baseline file is, and where finding paths are relative to. */
export interface BaselineLocation {
  /** The baseline file, absolute. */
  path: string;
  /** The directory finding files are relative to. */
  cwd: string;
}

/** A finding's file (relative to `cwd`) as baseline entries name it. */
function baselineFile(file: string, location: BaselineLocation): string {
  return relative(dirname(location.path), resolve(location.cwd, file)).split(sep).join('/');
}

function entryFor(finding: Finding, location: BaselineLocation): BaselineEntry {
  return { file: baselineFile(finding.file, location), pointer: finding.pointer, rule: finding.ruleId, hash: finding.nodeHash };
}

function keyOf(entry: BaselineEntry): string {
  return JSON.stringify([entry.file, entry.pointer, entry.rule, entry.hash]);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const [ka, kb] = [keyOf(a), keyOf(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A baseline of `findings` (those about unparsable files left out). */
export function createBaseline(findings: readonly Finding[], location: BaselineLocation): Baseline {
  return {
    entries: findings
      .filter((finding) => isBaselined(finding.ruleId))
      .map((finding) => entryFor(finding, location))
      .sort(compareEntries),
  };
}

/** The file's text: sorted entries, one per line, so that a review diff shows exactly what changed. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "oasguardBaseline": ${BASELINE_VERSION},\n  "entries": [\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}  ]\n}\n`;
}

/** Parses a baseline file's text; `name` is how errors call the file. */
export function parseBaseline(text: string, name: string): Baseline {
  const fail = (problem: string) => new UsageError(`Invalid baseline ${name}: ${problem}`, 'Create one with `oasguard baseline create`.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail(`not JSON (${(error as Error).message}).`);
  }
  const { oasguardBaseline: version, entries } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (version !== BASELINE_VERSION || !Array.isArray(entries)) {
    throw fail(`expected {"oasguardBaseline": ${BASELINE_VERSION}, "entries": [...]}.`);
  }
  entries.forEach((entry, index) => {
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (!['file', 'pointer', 'rule', 'hash'].every((field) => typeof fields[field] === 'string')) {
      throw fail(`entries[${index}] must have string "file", "pointer", "rule" and "hash".`);
    }
  });
  return { entries: (entries as BaselineEntry[]).map(({ file, pointer, rule, hash }) => ({ file, pointer, rule, hash })) };
}

/** The outcome of matching a lint's findings against a baseline. */
export interface BaselineMatch {
  /** Findings not in the baseline. */
  fresh: Finding[];
  /** Findings the baseline holds. */
  known: Finding[];
  /** Entries that no longer match: their file was linted (or is gone) and no finding matched them. */
  stale: BaselineEntry[];
}

/** Keys counted, taken one at a time: a node a rule flags twice has two entries, and each matches one finding. */
export class KeyCounts {
  private readonly counts = new Map<string, number>();

  constructor(keys: Iterable<string>) {
    for (const key of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  has(key: string): boolean {
    return (this.counts.get(key) ?? 0) > 0;
  }

  /** Takes one entry with this key; false when none is left. */
  take(key: string): boolean {
    if (!this.has(key)) return false;
    this.counts.set(key, (this.counts.get(key) ?? 0) - 1);
    return true;
  }
}

/** Matches findings to entries one to one (a node flagged twice by a rule needs two entries). */
export function matchBaseline(
  baseline: Baseline,
  findings: readonly Finding[],
  lintedFiles: readonly string[],
  location: BaselineLocation,
): BaselineMatch {
  const remaining = new KeyCounts(baseline.entries.map(keyOf));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) {
    if (isBaselined(finding.ruleId) && remaining.take(keyOf(entryFor(finding, location)))) known.push(finding);
    else fresh.push(finding);
  }
  const linted = new Set(lintedFiles.map((file) => baselineFile(file, location)));
  const baseDir = dirname(location.path);
  // A baseline holds many entries per file: ask the file system once per file.
  const gone = new Map<string, boolean>();
  const isGone = (file: string) => {
    if (!gone.has(file)) gone.set(file, !isAbsolute(file) && !existsSync(resolve(baseDir, file)));
    return gone.get(file) === true;
  };
  const stale: BaselineEntry[] = [];
  for (const entry of baseline.entries) {
    const key = keyOf(entry);
    if (remaining.has(key) && (linted.has(entry.file) || isGone(entry.file))) {
      remaining.take(key);
      stale.push(entry);
    }
  }
  return { fresh, known, stale };
}

/** The baseline without its stale entries: what `baseline update` writes. It never adds an entry. */
export function pruneBaseline(baseline: Baseline, stale: readonly BaselineEntry[]): Baseline {
  const toRemove = new KeyCounts(stale.map(keyOf));
  return { entries: baseline.entries.filter((entry) => !toRemove.take(keyOf(entry))).sort(compareEntries) };
}
