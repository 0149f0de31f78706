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
}

/** A pure function from a lint result to the report text. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
