// The S3 client is loaded only when an S3 cache is first used: no file of the cache stage imports it statically,
// so `validate`, `plan` and a render with a folder cache never pay its load time.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/dist.js";

describe("@aws-sdk/client-s3", () => {
  it("is imported by type only, and loaded with a dynamic import()", async () => {
    const dirs = ["src/cache", "src/commands", "src/cli", "src/cli/commands"];
    const staticImports: string[] = [];
    let dynamic = 0;
    for (const dir of dirs) {
      for (const file of await readdir(join(ROOT, dir))) {
        if (!file.endsWith(".ts")) continue;
        const text = await readFile(join(ROOT, dir, file), "utf8");
        for (const line of text.split("\n")) {
          if (/^import (?!type ).*from "@aws-sdk\//.test(line) || /^export .*from "@aws-sdk\//.test(line)) {
            staticImports.push(`${dir}/${file}: ${line}`);
          }
        }
        dynamic += (text.match(/await import\("@aws-sdk\/client-s3"\)/g) ?? []).length;
      }
    }
    expect(staticImports).toEqual([]);
    expect(dynamic).toBe(1);
  });
});
