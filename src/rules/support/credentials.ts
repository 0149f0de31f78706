import { nameWords } from './names';

/** Words that name a credential wherever they stand in a parameter name. */
const CREDENTIAL_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'apikey',
  'credential',
  'credentials',
  'authorization',
  'jsessionid',
]);
/** Two-word names of credentials: api key, access key, private key, session id. */
const CREDENTIAL_PAIRS = [
  ['api', 'key'],
  ['access', 'key'],
  ['private', 'key'],
  ['session', 'id'],
];
/** Words before `token` that make it a pagination cursor rather than a credential. */
const CURSOR_WORDS = new Set([
  'page',
  'next',
  'prev',
  'previous',
  'continuation',
  'cursor',
  'sync',
  'pagination',
  'resume',
  'start',
  'end',
]);

/**
 * Last words that make a name describe or identify a credential rather than hold one: `secretName`, `secret_type`,
 * `apiKeyId`, `AccountSid`, `passwordPolicy`, `exclude_secret_types`.
 */
const DESCRIPTOR_WORDS = new Set([
  'name',
  'names',
  'type',
  'types',
  'id',
  'ids',
  'sid',
  'count',
  'length',
  'format',
  'policy',
  'version',
  'expiry',
  'expiration',
  'status',
  'enabled',
  'required',
  'hint',
  'label',
  'mode',
  'uri',
  'url',
  'used',
  'at',
  'date',
  'time',
  'created',
  'updated',
  'expires',
]);

/**
 * Whether a name (of a parameter, a property) says it holds a credential; no-credentials-in-url's rationale has
 * the word rules. A path
 * parameter named `authorization` names an authorization object (`/authorizations/{authorization}`).
 */
export function namesCredential(name: string, location: 'query' | 'path' = 'query'): boolean {
  const words = nameWords(name);
  const last = words.length - 1;
  if (words[last] === 'jsessionid' || (words[last] === 'id' && words[last - 1] === 'session')) return true;
  if (DESCRIPTOR_WORDS.has(words[last])) return false;
  const credentialWord = (word: string) => CREDENTIAL_WORDS.has(word) && !(location === 'path' && word === 'authorization');
  if (words.some(credentialWord)) return true;
  if (CREDENTIAL_PAIRS.some(([first, second]) => words.some((word, i) => word === first && words[i + 1] === second))) return true;
  return words[last] === 'token' && !words.some((word) => CURSOR_WORDS.has(word));
}
