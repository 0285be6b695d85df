// storyreel as a dependency: "storyreel" resolves through package.json exports to the built code and its types.
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distIsFresh, ROOT } from "../helpers/dist.js";

const run = promisify(execFile);
const FIXTURES = join(ROOT, "test", "fixtures", "library");
const HARBOUR = join(ROOT, "examples", "storyboards", "harbour.yaml");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** dist/ older than a source file (a developer's tree between builds): build it, as `npm ci` does. */
async function ensureBuilt(): Promise<void> {
  if (!(await distIsFresh())) await run(process.execPath, [TSC, "-p", join(ROOT, "tsconfig.build.json")]);
}

describe("the package as a library", () => {
  let app: string;
  beforeAll(async () => {
    await ensureBuilt();
    app = await mkdtemp(join(tmpdir(), "storyreel-consumer-"));
    await mkdir(join(app, "node_modules"));
    await symlink(ROOT, join(app, "node_modules", "storyreel"), "dir");
    await writeFile(
      join(app, "package.json"),
      JSON.stringify({ name: "consumer", type: "module", private: true }),
    );
  }, 120_000);
  afterAll(async () => {
    await rm(app, { recursive: true, force: true });
  });

  it('render, renderStream, validate and plan work through `import … from "storyreel"`', async () => {
    await copyFile(join(FIXTURES, "consumer.mjs"), join(app, "consumer.mjs"));
    const { stdout } = await run(
      process.execPath,
      ["consumer.mjs", join(app, "out"), HARBOUR, join(app, "broken.yaml")],
      {
        cwd: app,
        timeout: 60_000,
      },
    );
    const report = JSON.parse(stdout) as Record<string, { [key: string]: unknown }>;
    expect(report["render"]).toMatchObject({ exitCode: 0, completed: 3 });
    expect(report["render"]!["events"]).toEqual(
      expect.arrayContaining(["run_started", "shot_submitted", "shot_completed", "run_finished"]),
    );
    expect(report["stream"]).toMatchObject({ exitCode: 0 });
    const streamed = report["stream"]!["events"] as string[];
    expect(streamed[0]).toBe("run_started");
    expect(streamed.at(-1)).toBe("run_finished");
    expect(streamed.filter((t) => t === "shot_completed")).toHaveLength(3);
    expect(report["validate"]).toEqual({ valid: false, files: [0, 1] });
    expect(report["plan"]).toMatchObject({ upToDate: 3 });
    expect(report["invalid"]).toEqual({
      storyboardError: true,
      storyreelError: true,
      code: "E_STORYBOARD",
      diagnostics: 1,
    });
    expect(report["models"]).toBeGreaterThan(100);
  });

  it("ships declarations a strict NodeNext consumer type-checks against", async () => {
    await copyFile(join(FIXTURES, "consumer-types.ts.txt"), join(app, "consumer-types.ts"));
    await writeFile(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2023",
          lib: ["ES2023"],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          typeRoots: [join(ROOT, "node_modules", "@types")],
          types: ["node"],
        },
        files: ["consumer-types.ts"],
      }),
    );
    const checked = await run(process.execPath, [TSC, "-p", join(app, "tsconfig.json")], { cwd: app }).then(
      () => "",
      (err: Error & { stdout?: string }) => err.stdout ?? err.message,
    );
    expect(checked).toBe("");
  }, 60_000);
});
