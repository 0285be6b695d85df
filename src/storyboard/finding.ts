// A problem as rules report it: a key path plus where to point, before it is placed at a line and column.

export type PathSegment = string | number;

/** Where a finding points: the value at `path`, its key, or (for a missing key) the nearest parent. */
export type Anchor = "value" | "key";

export interface Finding {
  /** Key path the problem is about, e.g. ["shots", 3, "duration"]. */
  path: readonly PathSegment[];
  message: string;
  code: string;
  /** Point at this path instead of `path` (e.g. the `defaults:` entry a shot inherited). */
  at?: readonly PathSegment[];
  anchor?: Anchor;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** ["shots", 3, "params", "fps"] → `shots[3].params.fps`; odd keys are quoted: `params["a b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
