import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** How remote `$ref`s are fetched when `--allow-remote-refs` allows them. */
export interface RemotePolicy {
  /** Milliseconds for one fetch, redirects included. */
  timeoutMs: number;
  /**
   * Milliseconds for all the fetches of a run together (default {@link DEFAULT_REMOTE_BUDGET_MS}): a chain of slow refs
   * would otherwise take links x timeout. Refs left when it is spent are unresolved.
   */
  budgetMs?: number;
  /** Allow hosts on loopback, link-local (cloud metadata) and private networks. */
  allowPrivateHosts: boolean;
}

/** The default total time for a run's remote fetches. */
export const DEFAULT_REMOTE_BUDGET_MS = 60_000;

/** The clock of a run's remote fetches: each gets its timeout, or what is left of the run's budget if that is less. */
export class RemoteClock {
  private deadline?: number;
  private readonly budgetMs: number;

  constructor(private readonly policy: RemotePolicy) {
    this.budgetMs = policy.budgetMs ?? DEFAULT_REMOTE_BUDGET_MS;
  }

  /** The deadline of a fetch starting now, and what to say when it passes: the fetch's timeout or the run's budget. */
  next(): { deadline: number; timeoutMessage: string } {
    const now = Date.now();
    this.deadline ??= now + this.budgetMs;
    if (this.deadline <= now) throw new Error(`the run's ${this.budgetMs} ms for remote $refs is spent (--remote-budget)`);
    const own = now + this.policy.timeoutMs;
    return own <= this.deadline
      ? { deadline: own, timeoutMessage: `no answer within ${this.policy.timeoutMs} ms` }
      : { deadline: this.deadline, timeoutMessage: `the run's ${this.budgetMs} ms for remote $refs ran out (--remote-budget)` };
  }
}

const MAX_REDIRECTS = 5;

/** A fetch the policy forbids (as opposed to one that failed): reported as `unsafe-ref`. */
export class RefusedFetch extends Error {}

/** Addresses a document must not make oasguard reach: loopback, link-local (cloud metadata), private, reserved. */
const PRIVATE_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv4');
}
// IPv6: unspecified, loopback and every prefix that embeds an IPv4 address (IPv4-compatible ::/96, mapped
// ::ffff:0:0/96, translated ::ffff:0:0:0/96, NAT64, 6to4, Teredo), which could reach a private IPv4 one; unique
// local, link-local and multicast.
const IPV6_REFUSED = [
  ['::', 96],
  ['::ffff:0:0', 96],
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['2001::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const;
for (const [network, prefix] of IPV6_REFUSED) PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv6');

function isPrivate(address: string): boolean {
  return PRIVATE_ADDRESSES.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Fetches a remote `$ref` over https only: every address the host resolves to is checked before connecting,
 * redirects are followed only on the same host, and the body is capped at `maxBytes`.
 */
export async function fetchRemote(href: string, policy: RemotePolicy, maxBytes: number, clock: RemoteClock): Promise<string> {
  const { deadline, timeoutMessage } = clock.next();
  let url = new URL(href);
  for (let redirects = 0; ; redirects += 1) {
    if (url.protocol !== 'https:') throw new RefusedFetch(`only https: references are fetched, not ${url.protocol}`);
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !policy.allowPrivateHosts && isPrivate(literal)) {
      throw new RefusedFetch(`${url.host} is a private or loopback address`);
    }
    const response = await get(url, policy, maxBytes, deadline - Date.now(), timeoutMessage);
    if (response.location === undefined) return response.body;
    const next = new URL(response.location, url);
    if (next.host !== url.host) throw new RefusedFetch(`redirect to another host refused: ${next.host}`);
    if (redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    url = next;
  }
}

function get(
  url: URL,
  policy: RemotePolicy,
  maxBytes: number,
  timeoutMs: number,
  timeoutMessage: string,
): Promise<{ body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const lookup = (
      hostname: string,
      options: object,
      callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
    ) => {
      dnsLookup(hostname, { all: true }, (error, addresses) => {
        if (error) return callback(error, []);
        const refused = policy.allowPrivateHosts ? undefined : addresses.find((entry) => isPrivate(entry.address));
        if (refused) return callback(new RefusedFetch(`${hostname} resolves to the private or loopback address ${refused.address}`), []);
        const { all } = options as { all?: boolean };
        return all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family);
      });
    };
    const req = request(
      url,
      { method: 'GET', lookup, headers: { accept: 'application/json, application/yaml, text/yaml, */*' } },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ body: '', location: response.headers.location });
        }
        if (status !== 200) {
          response.resume();
          return reject(new Error(`HTTP ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) req.destroy(new Error(`response over the ${maxBytes}-byte limit`));
          else chunks.push(chunk);
        });
        response.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(timeoutMessage)), Math.max(timeoutMs, 0));
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}
