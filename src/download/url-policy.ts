// Where clips may come from: https to public addresses; loopback, private and link-local ones (plain http to them
// too) only when the API itself is local (the simulator, tests). Checked on the URL and on the address resolved.
import { isIP } from "node:net";
import { DownloadError } from "./errors.js";

/** Whom a clip URL came from: "simulator" (the built-in one), or the API origin (`https://api.aimlapi.com`). */
export interface DownloadPolicy {
  /** Loopback, private, link-local addresses and plain http are allowed (the API itself is on such a host). */
  allowLocal: boolean;
}

/** The policy for clip URLs named by this API: local ones only when the API's own host is local. */
export function policyForApi(api: string): DownloadPolicy {
  if (api === "simulator") return { allowLocal: true };
  try {
    return { allowLocal: isLocalHostname(new URL(api).hostname) };
  } catch {
    return { allowLocal: false };
  }
}

export function checkDownloadUrl(raw: string, policy: DownloadPolicy = { allowLocal: false }): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new DownloadError("E_DOWNLOAD_URL", `video url ${JSON.stringify(raw)} is not a valid URL`, {
      cause: err,
    });
  }
  const local = isLocalHostname(url.hostname);
  if (local && !policy.allowLocal) throw refusedAddress(url.host, null);
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && policy.allowLocal && local) return url;
  const allowed = policy.allowLocal
    ? "https URLs (plain http only for loopback, private or link-local hosts)"
    : "https URLs (plain http only from a local host while the API itself is local, e.g. the simulator)";
  throw new DownloadError(
    "E_DOWNLOAD_URL",
    `refusing to download ${url.protocol}//${url.host}: only ${allowed} are allowed`,
  );
}

/** The address a name resolved to, checked before connecting (see guarded-agent.ts). */
export function checkResolvedAddress(host: string, address: string, policy: DownloadPolicy): void {
  if (!policy.allowLocal && isLocalAddress(address)) throw refusedAddress(host, address);
}

function refusedAddress(host: string, address: string | null): DownloadError {
  const resolved = address === null ? "" : ` (it resolves to ${address})`;
  return new DownloadError(
    "E_DOWNLOAD_ADDRESS",
    `refusing to download from ${host}${resolved}: a loopback, private or link-local address, and the API is not on one`,
  );
}

/** A hostname that is a loopback, private or link-local address, or a name for this machine ("localhost."). */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && isLocalAddress(host);
}

/** Kept for callers that mean "this machine". */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Loopback, unspecified, private (RFC 1918, CGNAT 100.64/10), link-local (169.254/16, fe80::/10), unique-local
 * (fc00::/7) and IPv4-mapped forms of those; anything that is not an IP address is not "local" here.
 */
export function isLocalAddress(address: string): boolean {
  const ip = address
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .split("%")[0]!;
  const kind = isIP(ip);
  if (kind === 4) return isLocalV4(ip);
  if (kind !== 6) return false;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return isLocalV4(mapped[1]!);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (hex) {
    const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
    return isLocalV4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."));
  }
  if (ip === "::1" || ip === "::") return true;
  const first = parseInt(ip.split(":")[0] || "0", 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

function isLocalV4(ip: string): boolean {
  const [a, b] = ip.split(".").map(Number) as [number, number];
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}
