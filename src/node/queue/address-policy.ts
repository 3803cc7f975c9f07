/**
 * Which addresses a queue worker may fetch. A job comes from whoever can write to the queue, so a
 * worker refuses `file:` and any other non-HTTP scheme, and loopback, private, link-local and
 * other non-public addresses, unless it was started with `--allow-private` (tests, or an
 * evaluator's office auditing its own intranet).
 *
 * This guards the start URL (after DNS) and every host the crawl contacts by name or address
 * literal; a public name that later resolves to a private address mid-crawl is the fetch layer's
 * to refuse.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** True when `ip` is not a public unicast address (IPv4-mapped IPv6 is judged as IPv4). */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return blocked.check(mapped[1] as string, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) return blocked.check(bare, 'ipv6');
  return false;
}

/** True when a host name alone says it is local (`localhost`, `*.localhost`, a private literal). */
export function isLocalHostName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || isPrivateAddress(h);
}

export class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/**
 * Resolves when the worker may audit `raw`; otherwise rejects with an {@link AddressRefused}
 * that says why (a scheme other than http/https, or a host that is or resolves to a private
 * address).
 */
export async function checkAuditUrl(raw: string, resolve = lookup): Promise<void> {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AddressRefused(`refused: ${url.protocol} URLs are not audited`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isLocalHostName(host))
    throw new AddressRefused(`refused: ${host} is a loopback or private address (worker --allow-private)`);
  if (isIP(host)) return;
  let addresses: { address: string }[];
  try {
    addresses = await resolve(host, { all: true, verbatim: true });
  } catch {
    // Unresolvable: the audit reports the site unreachable as it would anywhere.
    return;
  }
  const local = addresses.find((a) => isPrivateAddress(a.address));
  if (local)
    throw new AddressRefused(
      `refused: ${host} resolves to ${local.address}, a loopback or private address (worker --allow-private)`,
    );
}
