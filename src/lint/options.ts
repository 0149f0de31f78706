/** What a lint is asked to do, for the whole run and for one file: shared by lint(), one file's lint and the workers. */
import type { Limits } from '../input/limits';
import type { RemotePolicy } from '../refs/remote';
import type { AuthzSettings } from '../authz/matrix';
import type { LoadedRuleset, RulesetLoadOptions } from '../config/ruleset';

/** How `lint()` finds, reads and judges documents. */
export interface LintOptions {
  /** Base for relative inputs and for the file names in findings; lint() defaults it to the process's. */
  cwd: string;
  /**
   * A preset name (`recommended`, `strict`), a ruleset file path, or a loaded ruleset. Default: the project's
   * `.oasguard.yaml` in `cwd`, or `recommended` when there is none.
   */
  ruleset?: string | LoadedRuleset;
  /** Load JavaScript rulesets and custom functions, which run with the caller's permissions. Default false. */
  allowJsRuleset?: boolean;
  /** For a one-off run: only these rules of the ruleset run (diagnostics always do). A name it lacks is a usage error. */
  onlyRules?: readonly string[];
  /** For a one-off run: these rules of the ruleset do not run. A name it lacks is a usage error. */
  skipRules?: readonly string[];
  /** What is linted for the input `-`: text, or bytes (which must be UTF-8, like files). */
  stdin?: string | Uint8Array;
  /**
   * The path standard input is reported as, and its `$ref`s are resolved from (relative to `cwd`); default
   * `<stdin>` in `cwd`. For editors and hooks that pipe a file's unsaved text.
   */
  stdinFilepath?: string;
  /**
   * Globs (relative to `cwd`) of files that directory and glob inputs must not lint: `fixtures/**`,
   * `legacy/*.yaml`. Files named outright are always linted.
   */
  exclude?: readonly string[];
  /** `$ref`s may only read files below this directory. Default: `cwd`. */
  root?: string;
  /** Bounds on file size, nesting, YAML aliases and files read; unset ones take {@link DEFAULT_LIMITS}. */
  limits?: Partial<Limits>;
  /** Fetch https `$ref`s under this policy; without it, remote refs are refused (`unsafe-ref`). */
  remote?: RemotePolicy;
  /**
   * Skip named files that are not OpenAPI documents instead of reporting them, as directory searches do, and
   * accept finding none: for pre-commit hooks, which pass every staged YAML and JSON file.
   */
  skipNonOpenApi?: boolean;
  /** A baseline file (relative to `cwd`): findings it holds are reported apart, in `baselined`, and do not count. */
  baseline?: string;
  /**
   * Threads to lint many files on (this one and jobs − 1 workers), one file at a time each; default 1 (this thread
   * only). Used for a ruleset given by name or path, and for 2 or more files of 6 MB or more in all (below that,
   * starting the workers costs more than they save).
   */
  jobs?: number;
  /** Also compute each linted document's authorization matrix (`LintResult.authorization`), as `oasguard authz` does. */
  authorization?: boolean;
  /** Also take each linted document's snapshot (`LintResult.snapshots`), which `oasguard diff` compares. */
  snapshot?: boolean;
}

/** Name shown for standard input in findings. */
export const STDIN_NAME = '<stdin>';

/** The options a single file's lint needs, with the limits filled in: what a worker thread is given. */
export type FileLintOptions = Pick<
  LintOptions,
  'cwd' | 'stdin' | 'stdinFilepath' | 'root' | 'remote' | 'skipNonOpenApi' | 'allowJsRuleset' | 'onlyRules' | 'skipRules' | 'snapshot'
> & {
  limits: Limits;
  /** What the authorization matrix judges by, when one is asked for. */
  authorization?: AuthzSettings;
};

/** A counter of the files a run reads, shared by its workers: the documents given and what their `$ref`s read. */
export type FileCounter = Int32Array;

/** How the ruleset is loaded, here and in workers: confined to the root and the size limit like documents. */
export function rulesetLoadOptions(
  options: Pick<LintOptions, 'allowJsRuleset' | 'root' | 'onlyRules' | 'skipRules'>,
  limits: Limits,
): RulesetLoadOptions {
  const { onlyRules, skipRules } = options;
  return { allowJs: options.allowJsRuleset, root: options.root, maxFileSize: limits.maxFileSize, onlyRules, skipRules };
}
