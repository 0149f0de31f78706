import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { Formatter } from './types';

/** The report formats, by the name `--format` takes. */
export const formatters = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  markdown: formatMarkdown,
  gitlab: formatGitlab,
  html: formatHtml,
} satisfies Record<string, Formatter>;

/**
 * The formats whose file names are relative to the repository root rather than the working directory: the ones
 * GitHub and GitLab place in the repository (code scanning, annotations, Code Quality) and CI test reports.
 */
export const REPOSITORY_RELATIVE_FORMATS: ReadonlySet<string> = new Set(['sarif', 'github', 'gitlab', 'junit']);

/** A `--format` value. */
export type FormatName = keyof typeof formatters;

/** Whether `name` is a report format. */
export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

export { MARKDOWN_DEFAULT_LIMIT } from './markdown';
export { rebaseResult } from './paths';
export { SARIF_MAX_RESULTS, sarifResultCount } from './sarif';
export type { FormatContext, Formatter } from './types';
