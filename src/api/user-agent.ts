// Builds the User-Agent "storyreel/<version>" from the package's own package.json (read lazily, not at import time).
import { createRequire } from "node:module";

export function defaultUserAgent(): string {
  try {
    // src/api/ and dist/api/ both sit two levels below the package root.
    const pkg = createRequire(import.meta.url)("../../package.json") as { version?: unknown };
    return typeof pkg.version === "string" ? `storyreel/${pkg.version}` : "storyreel";
  } catch {
    return "storyreel";
  }
}
