/** Server URLs: their schemes, hosts and the values their variables can take. */
import type { PathSegment } from '../define-rule';
import { isObject, JsonObject } from './openapi';

const INSECURE_SCHEME = /^(https?|wss?):\/\//i;

/** `http` or `ws` when `url` starts with an insecure scheme; undefined otherwise (relative URLs are fine). */
export function insecureScheme(url: string): string | undefined {
  const scheme = INSECURE_SCHEME.exec(url)?.[1].toLowerCase();
  return scheme === 'http' || scheme === 'ws' ? scheme : undefined;
}

/** The host of an absolute URL, without port or credentials, lower-cased. */
export function hostOf(url: string): string {
  const authority = url.replace(INSECURE_SCHEME, '').split(/[/?#]/, 1)[0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':', 1)[0]).toLowerCase();
}

/** Substitutes `{name}` server variables; `values` missing a name leave its placeholder in place. */
export function expand(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** The values a server variable can take: its default and every enum entry, with their paths. */
function variableValues(variable: JsonObject): { value: string; at: PathSegment[] }[] {
  const values = typeof variable.default === 'string' ? [{ value: variable.default, at: ['default'] as PathSegment[] }] : [];
  if (Array.isArray(variable.enum)) {
    variable.enum.forEach((value, index) => {
      if (typeof value === 'string') values.push({ value, at: ['enum', index] });
    });
  }
  return values;
}

/** A server variable's value that makes its URL plain http (or ws) when substituted alone. */
export interface InsecureValue {
  name: string;
  value: string;
  /** The value's path below the variable. */
  at: PathSegment[];
  url: string;
  scheme: string;
}

/** The values of a server's variables that make its URL `template` plain http (or ws), each substituted alone. */
export function insecureValues(template: string, variables: JsonObject): InsecureValue[] {
  return Object.entries(variables).flatMap(([name, variable]) =>
    isObject(variable)
      ? variableValues(variable).flatMap(({ value, at }) => {
          const url = expand(template, { [name]: value });
          const scheme = insecureScheme(url);
          return scheme === undefined ? [] : [{ name, value, at, url, scheme }];
        })
      : [],
  );
}
