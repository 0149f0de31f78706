import type { LintResult, Severity } from '../shared/types';

/** What a formatter may know besides the result; never the environment directly. */
export interface FormatContext {
  /** Use ANSI colours (text only). */
  color: boolean;
  /** Absolute directory that finding paths are relative to (SARIF needs it for files outside it). */
  cwd: string;
  /** Findings at or above it fail the run (JUnit marks them as failures); default `error`. */
  failSeverity?: Severity | 'none';
  /** SARIF `automationDetails` category, so that several uploads for one commit do not replace each other. */
  sarifCategory?: string;
  /** List suppressed findings too, with their reasons (text); other formats count them, JSON and SARIF list them always. */
  showSuppressed?: boolean;
  /** Text: list only the findings at or above `failSeverity` (the others are counted). */
  quiet?: boolean;
  /** Text: list at most this many findings (the rest are counted); machine formats are always complete. */
  maxFindings?: number;
  /** Markdown: the most characters the report may hold (default 65,000, under GitHub's limit for a comment). */
  markdownLimit?: number;
  /** Text: the text of each file named in findings (as displayed), to show the lines around each finding. */
  sources?: Readonly<Record<string, string>>;
}

/** A pure function from a lint result to the report text. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
