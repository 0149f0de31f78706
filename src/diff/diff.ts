/**
 * `oasguard diff`: what a change does to an API's security. Both versions are linted as `lint` lints them (one
 * ruleset, the same limits and sandbox), each document's snapshot is taken, and the documents are paired by path:
 * the security changes between each pair, and the findings new in the new version and fixed since the old one.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { findRulesetFile } from '../config/ruleset-files';
import { PRESETS } from '../config/presets';
import { DEFAULT_LIMITS } from '../input/limits';
import { KeyCounts } from '../lint/baseline';
import { lint } from '../lint/lint';
import type { LintOptions } from '../lint/options';
import { UsageError } from '../shared/errors';
import { isInside } from '../input/read';
import { filesRead, sortFindings } from '../shared/findings';
import type { DiffResult, Finding, LintResult, Place, SecurityChange } from '../shared/types';
import { compareSnapshots, sortChanges } from './compare';
import { revisionTree } from './git';

/** What a diff is given besides lint()'s options. */
export type DiffOptions = Partial<Omit<LintOptions, 'baseline' | 'snapshot' | 'authorization' | 'stdin'>>;

/** One version's lint, and how its documents are named for pairing and for showing. */
interface Version {
  result: LintResult;
  /** The key a document pairs by, from its file as findings name it. */
  keyOf: (file: string) => string;
  /** How a file of this version is shown: `origin/main:openapi.yaml` for a revision's. */
  shown: (file: string) => string;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const hasGlob = (input: string) => /[*?[\]{}]/.test(input);

/** The inputs of a version that are there (globs always are); a version with none has no documents. */
async function present(inputs: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) if (hasGlob(input) || (await exists(resolve(cwd, input)))) found.push(input);
  return found;
}

const EMPTY: LintResult = {
  files: [],
  unlinted: [],
  skipped: [],
  referenced: [],
  findings: [],
  suppressed: [],
  baselined: [],
  rules: [],
  snapshots: [],
};

/**
 * Lints one version's `inputs` for its findings and snapshots. The old version may hold no OpenAPI document yet
 * (`old`): files in it that are not OpenAPI are passed over, as a directory search passes them over.
 */
function lintVersion(inputs: readonly string[], options: DiffOptions, cwd: string, old = false): Promise<LintResult> {
  return inputs.length === 0
    ? Promise.resolve(EMPTY)
    : lint(inputs, { ...options, cwd, snapshot: true, ...(old ? { skipNonOpenApi: true } : {}) });
}

/**
 * The ruleset both versions are linted with: the one named, else the new version's `.oasguard.yaml` (never the old
 * version's own), as an absolute path when it is a file, so that a lint from another directory finds it.
 */
function sharedRuleset(options: DiffOptions, cwd: string): DiffOptions['ruleset'] {
  const { ruleset } = options;
  if (typeof ruleset === 'object') return ruleset;
  if (ruleset === undefined) {
    const file = findRulesetFile(cwd);
    return file === undefined ? 'recommended' : join(cwd, file);
  }
  return (PRESETS as readonly string[]).includes(ruleset) || isAbsolute(ruleset) ? ruleset : resolve(cwd, ruleset);
}

/**
 * Findings of `from` that `against` has no match for, matched one to one as a baseline matches them (rule, file,
 * pointer and node hash, never the line), diagnostics included. A document `from` could not lint never matches:
 * its findings always count, so that a broken new version fails however broken the old one was.
 */
function unmatched(from: readonly Finding[], against: readonly Finding[], unlinted: ReadonlySet<string>): Finding[] {
  const key = (finding: Finding) => JSON.stringify([finding.file, finding.pointer, finding.ruleId, finding.nodeHash]);
  const left = new KeyCounts(against.map(key));
  return from.filter((finding) => unlinted.has(finding.file) || !left.take(key(finding)));
}

function comparedVersions(base: string, before: Version, after: Version, read: readonly string[]): DiffResult {
  // Each version's documents by the key they pair by, and their snapshots likewise.
  const filesByKey = (version: Version) => new Map(version.result.files.map((file) => [version.keyOf(file), file]));
  const snapshots = (version: Version) =>
    new Map((version.result.snapshots ?? []).map((document) => [version.keyOf(document.file), document.snapshot]));
  const [oldFiles, newFiles] = [filesByKey(before), filesByKey(after)];
  const [old, current] = [snapshots(before), snapshots(after)];
  const keys = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  const documents = keys.map((key) => {
    const [oldFile, newFile] = [oldFiles.get(key), newFiles.get(key)];
    return { ...(oldFile === undefined ? {} : { before: before.shown(oldFile) }), ...(newFile === undefined ? {} : { after: newFile }) };
  });
  const showPlace = (place: Place | undefined) => place && { ...place, file: before.shown(place.file) };
  const changes = keys.flatMap((key) =>
    compareSnapshots(old.get(key), current.get(key)).map((change): SecurityChange => {
      const { before: was, ...rest } = change;
      return was ? { ...rest, before: showPlace(was) } : rest;
    }),
  );
  // The old findings under the new files' names, so that a finding still there matches its counterpart.
  const newFileOf = new Map(
    [...oldFiles].flatMap(([key, oldFile]) => {
      const newFile = newFiles.get(key);
      return newFile === undefined ? [] : [[oldFile, newFile]];
    }),
  );
  const renamed = before.result.findings.map((finding) => ({ ...finding, file: newFileOf.get(finding.file) ?? finding.file }));
  const original = new Map(renamed.map((finding, index) => [finding, before.result.findings[index]]));
  const rules = new Map([...before.result.rules, ...after.result.rules].map((rule) => [rule.id, rule]));
  return {
    base,
    documents,
    changes: sortChanges(changes),
    newFindings: sortFindings(unmatched(after.result.findings, renamed, new Set(after.result.unlinted.map(({ file }) => file)))),
    fixedFindings: sortFindings(
      unmatched(renamed, after.result.findings, new Set()).map((finding) => {
        const was = original.get(finding)!;
        return { ...was, file: before.shown(was.file) };
      }),
    ),
    rules: [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    read: [...new Set(read)].sort(),
  };
}

/**
 * Two versions given as paths: two files (one document each), or two directories whose documents pair by their
 * path inside each.
 */
export async function diffPaths(oldPath: string, newPath: string, options: DiffOptions = {}): Promise<DiffResult> {
  // eslint-disable-next-line no-restricted-properties -- as lint() does: a caller who names no directory means this one
  const cwd = options.cwd ?? process.cwd();
  const [oldDir, newDir] = await Promise.all(
    [oldPath, newPath].map((path) =>
      stat(resolve(cwd, path)).then(
        (info) => info.isDirectory(),
        () => undefined,
      ),
    ),
  );
  if (oldDir === undefined && newDir === undefined) throw new UsageError(`No such file or directory: ${oldPath} nor ${newPath}.`);
  if (oldDir !== undefined && newDir !== undefined && oldDir !== newDir)
    throw new UsageError(
      'Compare a file with a file, or a directory with a directory.',
      `${oldPath} and ${newPath} are not both one or the other.`,
    );
  const shared = { ...options, ruleset: sharedRuleset(options, cwd) };
  const after = await lintVersion(newDir === undefined ? [] : [newPath], shared, cwd);
  const before = await lintVersion(oldDir === undefined ? [] : [oldPath], shared, cwd, true);
  const directories = oldDir === true || newDir === true;
  // Files pair by their path inside their directory; two files are one document each.
  const keyIn = (dir: string) => (file: string) => (directories ? relative(resolve(cwd, dir), resolve(cwd, file)) : 'document');
  const same = (file: string) => file;
  return comparedVersions(
    oldPath,
    { result: before, keyOf: keyIn(oldPath), shown: same },
    { result: after, keyOf: keyIn(newPath), shown: same },
    [...filesRead(before), ...filesRead(after)],
  );
}

/**
 * The inputs as they are in the work tree against the same inputs in a git revision, read with git (see git.ts):
 * documents pair by path; a file only one side has is compared with nothing.
 */
export async function diffRevision(revision: string, inputs: readonly string[], options: DiffOptions = {}): Promise<DiffResult> {
  // eslint-disable-next-line no-restricted-properties -- as lint() does: a caller who names no directory means this one
  const cwd = options.cwd ?? process.cwd();
  if (inputs.length === 0)
    throw new UsageError('No input given.', 'Name the OpenAPI files or directories to compare: oasguard diff --base REV openapi/');
  const realCwd = await realpath(cwd);
  const realRoot = options.root === undefined ? realCwd : await realpath(resolve(cwd, options.root));
  const tree = await revisionTree(cwd, revision, realRoot, options.limits?.maxFileSize ?? DEFAULT_LIMITS.maxFileSize);
  try {
    // The revision's copy of the working directory, where the inputs and the root are the same relative paths.
    const mirror = (path: string) => join(tree.root, relative(tree.repository, path));
    if (!isInside(tree.repository, realRoot))
      throw new UsageError(`With --base, --root must be inside the repository (${tree.repository}).`);
    const oldCwd = mirror(realCwd);
    const [newInputs, oldInputs] = await Promise.all([present(inputs, cwd), present(inputs, oldCwd)]);
    const missing = inputs.filter((input) => !newInputs.includes(input) && !oldInputs.includes(input));
    if (missing.length > 0) throw new UsageError(`No such file or directory in the work tree nor in ${revision}: ${missing.join(', ')}`);
    const shared = { ...options, ruleset: sharedRuleset(options, cwd) };
    const after = await lintVersion(newInputs, shared, cwd);
    const before = await lintVersion(oldInputs, { ...shared, root: mirror(realRoot) }, oldCwd, true);
    const same = (file: string) => file;
    return comparedVersions(
      revision,
      { result: before, keyOf: same, shown: (file) => `${revision}:${file}` },
      { result: after, keyOf: same, shown: same },
      filesRead(after),
    );
  } finally {
    await tree.remove();
  }
}
