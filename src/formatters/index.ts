import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { Formatter } from './types';

/** The report formats, by the name `--format` takes. */
export const formatters = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
} satisfies Record<string, Formatter>;

/** A `--format` value. */
export type FormatName = keyof typeof formatters;

export type { FormatContext, Formatter } from './types';
