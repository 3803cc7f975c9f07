import { describe, expect, it } from 'vitest';
import {
  AddressRefused,
  checkAuditUrl,
  isLocalHostName,
  isPrivateAddress,
} from '../../../../src/node/queue/address-policy';

type Resolver = NonNullable<Parameters<typeof checkAuditUrl>[1]>;
const resolvesTo = (...addresses: string[]) =>
  (async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))) as unknown as Resolver;

describe('worker address policy', () => {
  it('tells private, loopback and link-local addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '127.8.9.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '[::1]',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '203.150.1.1', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
    expect(isPrivateAddress('www.example.go.th')).toBe(false);
  });

  it('treats localhost names as local', () => {
    expect(isLocalHostName('localhost')).toBe(true);
    expect(isLocalHostName('LOCALHOST.')).toBe(true);
    expect(isLocalHostName('app.localhost')).toBe(true);
    expect(isLocalHostName('localhost.go.th')).toBe(false);
  });

  it('refuses file:, loopback literals and names resolving to a private address', async () => {
    await expect(checkAuditUrl('file:///etc/passwd', resolvesTo('8.8.8.8'))).rejects.toThrow(/file: URLs/);
    await expect(checkAuditUrl('http://127.0.0.1:8080/', resolvesTo())).rejects.toBeInstanceOf(
      AddressRefused,
    );
    await expect(checkAuditUrl('http://[::1]/', resolvesTo())).rejects.toThrow(/loopback or private/);
    await expect(checkAuditUrl('http://localhost/', resolvesTo('127.0.0.1'))).rejects.toThrow(
      /--allow-private/,
    );
    await expect(
      checkAuditUrl('https://intranet.example.go.th/', resolvesTo('8.8.8.8', '10.0.0.5')),
    ).rejects.toThrow(/resolves to 10\.0\.0\.5/);
  });

  it('lets public sites through, and leaves unresolvable names to the audit', async () => {
    await expect(
      checkAuditUrl('https://www.example.go.th/', resolvesTo('203.150.1.1')),
    ).resolves.toBeUndefined();
    const fails = (async () => {
      throw new Error('ENOTFOUND');
    }) as unknown as Resolver;
    await expect(checkAuditUrl('https://gone.example.go.th/', fails)).resolves.toBeUndefined();
  });
});
