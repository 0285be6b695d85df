// Where renders go: --out (relative to cwd) wins, else `output:` (relative to the storyboard), else renders/<name>.
import { basename, dirname, resolve } from "node:path";

export function resolveOutputDir(
  storyboardPath: string,
  output: string | undefined,
  outDir: string | undefined,
): string {
  if (outDir !== undefined) return resolve(process.cwd(), outDir);
  const base = dirname(storyboardPath);
  if (output !== undefined) return resolve(base, output);
  const name = basename(storyboardPath).replace(/\.ya?ml$/i, "");
  return resolve(base, "renders", name);
}
