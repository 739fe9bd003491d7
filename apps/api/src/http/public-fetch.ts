// Fetching URLs that firm admins supply (their identity provider's issuer): only public internet
// addresses, so that Accord cannot be made to reach its own loopback, the private network it runs in or
// a cloud metadata service. The address is checked when the connection is made, not only when the URL is
// saved, so a name that later resolves elsewhere (DNS rebinding) is refused too; redirects are not followed
// (OpenID Connect clients do not follow them either), so none can lead to an address that was not checked.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { CustomFetch } from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';

/** Addresses that are not on the public internet (IANA special-purpose registries, IPv4 and IPv6). */
function nonPublicAddresses(allowLoopback: boolean): BlockList {
  const list = new BlockList();
  const v4: [string, number][] = [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['169.254.0.0', 16], // link-local, cloud metadata services
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.0.2.0', 24], // documentation
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['198.51.100.0', 24], // documentation
    ['203.0.113.0', 24], // documentation
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ];
  if (!allowLoopback) v4.push(['127.0.0.0', 8]);
  for (const [network, prefix] of v4) {
    list.addSubnet(network, prefix, 'ipv4');
    list.addSubnet(`::ffff:${network}`, 96 + prefix, 'ipv6'); // the same, IPv4-mapped
  }
  const v6: [string, number][] = [
    ['::', 128], // unspecified
    ['64:ff9b::', 96], // NAT64 (reaches IPv4 addresses)
    ['100::', 64], // discard
    ['2001:db8::', 32], // documentation
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
  ];
  if (!allowLoopback) v6.push(['::1', 128]);
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

/** Thrown (as the fetch's cause) for a URL whose host is not a public address. */
export class NonPublicAddressError extends Error {
  readonly code = 'ERR_NON_PUBLIC_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is at ${address}, which is not a public internet address`);
  }
}

export function isPublicAddress(address: string, options: { allowLoopback?: boolean } = {}): boolean {
  const family = isIP(address);
  if (!family) throw new TypeError(`not an IP address: ${address}`);
  return !nonPublicAddresses(options.allowLoopback ?? false).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** What openid-client calls for its requests (`customFetch`); the options may be left out. */
export type PublicFetch = (url: string, init?: Parameters<CustomFetch>[1]) => Promise<Response>;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `fetch` that connects to public internet addresses only (and to loopback with `allowLoopback`, for
 * local development and tests).
 */
export function publicFetch(options: { allowLoopback?: boolean } = {}): PublicFetch {
  const blocked = nonPublicAddresses(options.allowLoopback ?? false);
  const refused = (address: string) => blocked.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');

  // Called when connecting to a host name: every address it resolves to must be public.
  const lookup = (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((a) => refused(a.address));
      if (bad) return callback(new NonPublicAddressError(hostname, bad.address), []);
      if (lookupOptions.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
  const dispatcher = new Agent({ connect: { lookup } });

  return async (input, init) => {
    const url = new URL(input);
    // IP literals are connected to without a lookup: check them here.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && refused(host)) {
      throw new TypeError('fetch failed', { cause: new NonPublicAddressError(host, host) });
    }
    const response = await undiciFetch(url, { ...(init as object), redirect: 'manual', dispatcher });
    // undici's Response is the one Node's fetch answers; with DOM types in scope (test/) they are declared apart
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    return response as unknown as Response;
  };
}

/** The NonPublicAddressError behind a failed fetch, if that is why it failed. */
export function nonPublicAddressIn(error: unknown): NonPublicAddressError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof NonPublicAddressError) return e;
  }
  return undefined;
}
