// Number formatting shared by the tables and the target checks (MB = 10^6 bytes, KiB = 1024 bytes).

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number): string => `${Math.round(ms)} ms`;
export const pct = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;
export const ratio = (n: number): string => n.toFixed(3);
export const fixed2 = (n: number): string => n.toFixed(2);
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
/** MB from 1 MB up, KiB below. */
export const size = (bytes: number): string => (bytes >= 1e6 ? mb(bytes) : kib(bytes));
export const count = (n: number): string => n.toLocaleString("en-US");
/** A latency range in seconds, e.g. "2–3 s". */
export const range = (r: { minMs: number; maxMs: number }): string =>
  `${trim(r.minMs / 1000)}–${trim(r.maxMs / 1000)} s`;

function trim(n: number): string {
  return String(Number(n.toFixed(3)));
}
