import ipaddr from 'ipaddr.js';

/**
 * True when `address` (an IPv4 or IPv6 literal) is on the public internet. Loopback, private
 * (RFC 1918, unique local), link-local (which holds the cloud metadata service 169.254.169.254),
 * carrier-grade NAT, multicast, reserved and unspecified addresses are not; IPv4 mapped into
 * IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries. Not an address: false.
 */
export function isPublicAddress(address: string): boolean {
  const literal = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(literal)) return false;
  return ipaddr.process(literal).range() === 'unicast';
}

/** True for host names that name this machine whatever DNS says (RFC 6761 `localhost`). */
export function isLocalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

/** True when `hostname` is an IP literal (IPv6 in brackets or not). */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}
