/**
 * The security changes between two snapshots of one API: operations matched by method and path shape
 * (`/users/{id}` is `/users/{userId}`), security schemes by name (a renamed scheme by its kind), servers by URL.
 * What got weaker is a regression with the severity of its kind; what got stronger is listed as `improved`.
 */
import { SCOPED_TYPES } from '../rules/support/security';
import { insecureScheme } from '../rules/support/servers';
import { cached } from '../shared/cached';
import { CHANGE_KINDS } from '../shared/change-kinds';
import { counted, withThousands } from '../shared/numbers';
import { severityRank } from '../shared/severity';
import type { ApiSnapshot, AuthzScheme, ChangeKind, Place, SecurityChange, SnapshotOperation, SnapshotScheme } from '../shared/types';

type Operation = SnapshotOperation;
type Alternative = AuthzScheme[];

/** `/users/{id}` and `/users/{userId}` are one path: templates are compared by shape. */
export function pathShape(path: string): string {
  return path.replace(/\{[^{}]*\}/g, '{}');
}

const operationKey = (operation: Operation) => `${operation.method} ${pathShape(operation.path)}`;
const label = (operation: Operation) => `${operation.method} ${operation.path}`;

/**
 * How much an alternative proves about the caller: 2 for tokens an authorization server issues or a client
 * certificate (OAuth2, OpenID Connect, mutual TLS, HTTP Bearer), 1 for shared secrets (API keys, HTTP Basic and other
 * HTTP schemes), 0 for nothing. An alternative of several schemes is as strong as its strongest.
 */
function strengthOf(alternative: Alternative, schemes: ReadonlyMap<string, SnapshotScheme>): number {
  return Math.max(
    0,
    ...alternative.map(({ scheme }) => {
      const declared = schemes.get(scheme);
      if (declared === undefined) return 1;
      if (['oauth2', 'openIdConnect', 'mutualTLS'].includes(declared.type)) return 2;
      return declared.httpScheme === 'bearer' ? 2 : 1;
    }),
  );
}

/** The weakest alternative's strength: a caller picks the easiest way in. */
function weakest(operation: Operation, schemes: ReadonlyMap<string, SnapshotScheme>): number {
  if (operation.access !== 'required') return 0;
  return Math.min(...operation.alternatives.map((alternative) => strengthOf(alternative, schemes)));
}

const kindsOf = (alternatives: Alternative[], schemes: ReadonlyMap<string, SnapshotScheme>) =>
  [...new Set(alternatives.flat().map(({ scheme }) => schemes.get(scheme)?.httpScheme ?? schemes.get(scheme)?.type ?? scheme))].join(', ');

/** Whether every alternative of an operation asks for a scheme with scopes (OAuth2, OpenID Connect). */
const usesScopes = (operation: Operation, schemes: ReadonlyMap<string, SnapshotScheme>) =>
  operation.alternatives.every((alternative) => alternative.some(({ scheme }) => SCOPED_TYPES.has(schemes.get(scheme)?.type ?? '')));

const scopesOf = (operation: Operation) =>
  new Set(operation.alternatives.flatMap((alternative) => alternative.flatMap(({ scopes }) => scopes)));

/** Collects the changes of one document pair. */
class Changes {
  readonly list: SecurityChange[] = [];
  /** The changes to input fields, by kind, detail and places (see {@link addToField}). */
  private readonly toFields = new Map<string, SecurityChange>();

  add(kind: ChangeKind, subject: string, message: string, places: { before?: Place; after?: Place }): SecurityChange {
    const change = { kind, severity: CHANGE_KINDS[kind].severity, subject, message, ...places };
    this.list.push(change);
    return change;
  }

  /**
   * A change to an input field of operation `subject`, `detail` saying what. A field several operations share (a
   * parameter component) changes once: one change names them all, `GET /pets/{id}, DELETE /pets/{id}: path
   * parameter "id" lost maxLength.`, not one per operation.
   */
  addToField(kind: ChangeKind, subject: string, detail: string, places: { before: Place; after: Place }): void {
    const { before, after } = places;
    const key = JSON.stringify([kind, detail, before.file, before.pointer, after.file, after.pointer]);
    const earlier = this.toFields.get(key);
    if (earlier === undefined) this.toFields.set(key, this.add(kind, subject, `${subject}: ${detail}`, places));
    else {
      earlier.subject = `${earlier.subject}, ${subject}`;
      earlier.message = `${earlier.subject}: ${detail}`;
    }
  }

  /** A regression one way, an improvement the other: `weaker` says which. */
  either(weaker: boolean, kind: ChangeKind, subject: string, message: string, places: { before?: Place; after?: Place }): void {
    this.add(weaker ? kind : 'improved', subject, message, places);
  }
}

function compareOperation(before: Operation, after: Operation, schemes: Schemes, changes: Changes): void {
  const subject = label(after);
  const places = { before: before.place, after: after.place };
  const wasRequired = before.access === 'required';
  const isRequired = after.access === 'required';
  if (wasRequired && !isRequired) {
    if (after.access === 'optional')
      changes.add('security-weakened', subject, `${subject} now also accepts calls without authentication.`, places);
    else changes.add('operation-made-public', subject, `${subject} no longer requires authentication.`, places);
  } else if (!wasRequired && isRequired) {
    changes.add('improved', subject, `${subject} now requires authentication.`, places);
  } else if (wasRequired && isRequired) {
    const [was, now] = [weakest(before, schemes.before), weakest(after, schemes.after)];
    if (was !== now) {
      const kinds = `${kindsOf(before.alternatives, schemes.before)} to ${kindsOf(after.alternatives, schemes.after)}`;
      changes.either(
        now < was,
        'security-weakened',
        subject,
        `${subject} ${now < was ? 'accepts weaker credentials' : 'asks for stronger credentials'}: ${kinds}.`,
        places,
      );
    }
    // Scopes compare between token schemes; a move to or from schemes without scopes is the change of credentials.
    if (usesScopes(before, schemes.before) && usesScopes(after, schemes.after)) {
      const [scopesBefore, scopesAfter] = [scopesOf(before), scopesOf(after)];
      for (const scope of scopesBefore)
        if (!scopesAfter.has(scope))
          changes.add('security-weakened', subject, `${subject} no longer requires the scope "${scope}".`, places);
      for (const scope of scopesAfter)
        if (!scopesBefore.has(scope)) changes.add('improved', subject, `${subject} now requires the scope "${scope}".`, places);
    }
  }
  for (const status of before.responses)
    if (!after.responses.includes(status))
      changes.add('response-removed', subject, `${subject} no longer defines a ${status} response.`, places);
  for (const status of after.responses)
    if (!before.responses.includes(status)) changes.add('improved', subject, `${subject} now defines a ${status} response.`, places);
  if (before.rateLimitHeaders !== after.rateLimitHeaders)
    changes.either(
      before.rateLimitHeaders,
      'response-removed',
      subject,
      `${subject} ${before.rateLimitHeaders ? 'no longer declares' : 'now declares'} rate-limit headers on its success responses.`,
      places,
    );
  for (const [field, input] of Object.entries(after.inputs)) {
    const old = before.inputs[field];
    if (old === undefined) continue;
    const inputPlaces = { before: old.place, after: input.place };
    for (const limit of old.limits)
      if (!input.limits.includes(limit)) changes.addToField('limit-removed', subject, `${field} lost ${limit}.`, inputPlaces);
    for (const limit of input.limits)
      if (!old.limits.includes(limit)) changes.addToField('improved', subject, `${field} gained ${limit}.`, inputPlaces);
  }
}

/** A new operation: one without authentication, or with weaker credentials than every other operation on its path. */
function compareAdded(after: Operation, siblings: readonly Operation[], schemes: Schemes, changes: Changes): void {
  const subject = label(after);
  if (after.access !== 'required') {
    changes.add('operation-added-unprotected', subject, `New operation ${subject} requires no authentication.`, { after: after.place });
    return;
  }
  const others = siblings.filter((sibling) => sibling !== after && sibling.access === 'required');
  if (others.length > 0 && others.every((sibling) => weakest(sibling, schemes.after) > weakest(after, schemes.after)))
    changes.add(
      'operation-added-unprotected',
      subject,
      `New operation ${subject} accepts weaker credentials (${kindsOf(after.alternatives, schemes.after)}) than the other operations on its path.`,
      { after: after.place },
    );
}

/** What makes a scheme weak, each as a phrase: the weaknesses the new version has and the old did not are regressions. */
function weaknesses(scheme: SnapshotScheme): Map<string, string> {
  const found = new Map<string, string>();
  if (scheme.flows.includes('implicit')) found.set('implicit', 'offers the OAuth2 implicit flow');
  if (scheme.flows.includes('password')) found.set('password', 'offers the OAuth2 password flow');
  if (scheme.apiKeyIn === 'query') found.set('query', 'sends its API key in the query string');
  if (scheme.httpScheme === 'basic') found.set('basic', 'uses HTTP Basic');
  for (const url of scheme.insecureUrls) found.set(`url ${url}`, `uses the plain http URL ${url}`);
  return found;
}

function compareScheme(before: SnapshotScheme | undefined, after: SnapshotScheme, changes: Changes): void {
  const subject = `security scheme "${after.name}"`;
  const [was, now] = [before ? weaknesses(before) : new Map<string, string>(), weaknesses(after)];
  const places = { ...(before ? { before: before.place } : {}), after: after.place };
  for (const [key, phrase] of now)
    if (!was.has(key))
      changes.add('scheme-weakened', subject, `${before ? 'Security scheme' : 'New security scheme'} "${after.name}" ${phrase}.`, places);
  for (const [key, phrase] of was)
    if (!now.has(key)) changes.add('improved', subject, `Security scheme "${after.name}" no longer ${phrase}.`, places);
}

interface Schemes {
  before: ReadonlyMap<string, SnapshotScheme>;
  after: ReadonlyMap<string, SnapshotScheme>;
}

/** The security changes from `before` to `after`; either side may be absent (a file only one version has). */
export function compareSnapshots(before: ApiSnapshot | undefined, after: ApiSnapshot | undefined): SecurityChange[] {
  const empty: ApiSnapshot = { operations: [], schemes: [], servers: [] };
  const [old, current] = [before ?? empty, after ?? empty];
  const changes = new Changes();
  const schemes: Schemes = {
    before: new Map(old.schemes.map((scheme) => [scheme.name, scheme])),
    after: new Map(current.schemes.map((scheme) => [scheme.name, scheme])),
  };

  const oldOperations = new Map(old.operations.map((operation) => [operationKey(operation), operation]));
  const byShape = new Map<string, Operation[]>();
  for (const operation of current.operations) cached(byShape, pathShape(operation.path), () => []).push(operation);
  const added = current.operations.filter((operation) => !oldOperations.has(operationKey(operation)));
  for (const operation of current.operations) {
    const previous = oldOperations.get(operationKey(operation));
    if (previous) compareOperation(previous, operation, schemes, changes);
  }
  // In an API that requires authentication nowhere, every new operation is open: one change says so for them all.
  if (added.length > 1 && current.operations.every((operation) => operation.access !== 'required')) {
    const labels = added.map(label);
    const shown = labels.length > 3 ? `${labels.slice(0, 3).join(', ')} and ${withThousands(labels.length - 3)} more` : labels.join(', ');
    changes.add(
      'operation-added-unprotected',
      counted(added.length, 'new operation'),
      `${counted(added.length, 'new operation')} require no authentication, as no operation of the API does: ${shown}.`,
      { after: added[0].place },
    );
  } else for (const operation of added) compareAdded(operation, byShape.get(pathShape(operation.path))!, schemes, changes);

  // A scheme missing from the old version under its name may have been renamed: then the old one of its kind, if
  // one went missing too, is what it was.
  const renamed = old.schemes.filter((scheme) => !schemes.after.has(scheme.name));
  for (const scheme of current.schemes) {
    let previous = schemes.before.get(scheme.name);
    if (previous === undefined) {
      const index = renamed.findIndex((candidate) => candidate.type === scheme.type);
      if (index >= 0) previous = renamed.splice(index, 1)[0];
    }
    compareScheme(previous, scheme, changes);
  }

  const insecureBefore = new Set(old.servers.filter((server) => server.insecure).map((server) => server.url));
  const insecureAfter = new Set(current.servers.filter((server) => server.insecure).map((server) => server.url));
  for (const server of current.servers)
    if (server.insecure && !insecureBefore.has(server.url)) {
      const literal = insecureScheme(server.url) !== undefined;
      changes.add(
        'server-insecure',
        `server ${server.url}`,
        literal ? `Plain http server added: ${server.url}.` : `Server ${server.url} can now expand to a plain http URL.`,
        { after: server.place },
      );
    }
  for (const server of old.servers)
    if (server.insecure && !insecureAfter.has(server.url))
      changes.add('improved', `server ${server.url}`, `Plain http server removed: ${server.url}.`, { before: server.place });
  return changes.list;
}

/** The most severe first, then by where they stand in the new version (else the old one). */
export function sortChanges(changes: SecurityChange[]): SecurityChange[] {
  const where = (change: SecurityChange) => change.after ?? change.before;
  return changes.sort((a, b) => {
    const [pa, pb] = [where(a), where(b)];
    return (
      severityRank(a.severity) - severityRank(b.severity) ||
      (pa && pb ? (pa.file < pb.file ? -1 : pa.file > pb.file ? 1 : pa.line - pb.line || pa.column - pb.column) : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
    );
  });
}
