// An undici Agent whose connections resolve the host first and refuse an address the download policy forbids.
import { lookup as dnsLookup } from "node:dns";
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from "node:dns";
import { Agent } from "undici";
import { checkResolvedAddress } from "./url-policy.js";
import type { DownloadPolicy } from "./url-policy.js";

/** dns.lookup's shape, with all addresses: tests inject one that resolves a name to the address they want. */
export type HostLookup = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

type ConnectLookup = (
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * Every connection of this agent checks each address its host resolves to (the one then connected to is among
 * them), so a name that resolves to a forbidden address is refused too. IP literals are checked on the URL.
 */
export function guardedAgent(policy: DownloadPolicy, lookup: HostLookup = dnsLookup): Agent {
  const checked: ConnectLookup = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        for (const a of addresses) checkResolvedAddress(hostname, a.address, policy);
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, []);
      }
      if ((options as LookupAllOptions).all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
  return new Agent({ connect: { lookup: checked } });
}
