// How the CLI reads paths the user typed and shows paths back: one rule for every command.
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { CliIo } from "./io.js";

/** A path as the user typed it (messages stay readable), anchored at the CLI's working directory. */
export function fromCwd(io: Pick<CliIo, "cwd">, path: string): string {
  return io.cwd === process.cwd() ? path : resolve(io.cwd, path);
}

/** A path relative to the working directory when it is inside it ("." for the directory itself), else absolute. */
export function shownPath(io: Pick<CliIo, "cwd">, path: string): string {
  const absolute = resolve(io.cwd, path);
  const rel = relative(io.cwd, absolute);
  if (rel === "") return ".";
  const outside = rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? absolute : rel;
}

/** A value as one shell word: as is when it is plain, else single-quoted. */
export function shellWord(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
