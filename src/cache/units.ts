// Values of `cache prune --older-than` (30d, 12h) and `--max-size` (500MB, 2GB, 1GiB, bytes).
import { CacheConfigError } from "./errors.js";

const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** "30d" → milliseconds; units s, m, h, d, w; fractions allowed ("1.5d"). Throws E_USAGE naming the option. */
export function parseDuration(option: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(raw.trim());
  if (!match) {
    throw new CacheConfigError(
      "E_USAGE",
      `${option}: ${JSON.stringify(raw)} is not allowed (a number and a unit: s, m, h, d or w, e.g. 30d or 12h)`,
    );
  }
  return Number(match[1]) * DURATION_UNITS[match[2]!.toLowerCase()]!;
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  "": 1,
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** "500MB" → bytes; KB, MB, GB, TB (powers of 1024, as storyreel prints sizes; KiB … TiB too), or plain bytes. */
export function parseSize(option: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(raw.trim());
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? "?"];
  if (!match || unit === undefined) {
    throw new CacheConfigError(
      "E_USAGE",
      `${option}: ${JSON.stringify(raw)} is not allowed (bytes, or a number with KB, MB, GB or TB, e.g. 500MB)`,
    );
  }
  return Math.floor(Number(match[1]) * unit);
}
