import type { LintResult } from '../types';

/** What a formatter may know besides the result; never the environment directly. */
export interface FormatContext {
  /** Use ANSI colours (text only). */
  color: boolean;
  /** Absolute directory that finding paths are relative to (SARIF needs it for files outside it). */
  cwd: string;
}

/** A pure function from a lint result to the report text. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
