// `storyreel cache …` end to end (in-process main()): a simulator render exported to a folder cache and to S3,
// listed, counted, verified (a clip corrupted on purpose), imported back, pruned; bad input exits 2.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey } from "../../src/cache/index.js";
import type { CacheEntry, CacheStats, VerifyReport } from "../../src/cache/index.js";
import { clipName } from "../../src/cache/layout.js";
import type { ExportResult, ImportResult } from "../../src/commands/cache/cache-transfer.js";
import { readManifest } from "../../src/manifest/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { runMainWith } from "../helpers/main-io.js";
import type { MainRun } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { BUCKET, startS3Server } from "./s3-server.js";

let ws: Workspace;
let sim: Simulator;
let cacheDir: string;

beforeEach(async () => {
  ws = await makeWorkspace(storyboardYaml(3));
  // ffmpeg renders: each shot its own clip (the fast mode serves one clip for all, which the cache would share).
  sim = await startSimulator({ latency: 40, render: "ffmpeg" });
  cacheDir = join(ws.dir, "xdg", "storyreel", "clips");
});
afterEach(async () => {
  await sim.close();
  await ws.cleanup();
});

/** `storyreel <args>` with the cache under the workspace (XDG_CACHE_HOME) and `env` added. */
function cli(args: string[], env: Record<string, string> = {}): Promise<MainRun> {
  return runMainWith(args, {
    env: { XDG_CACHE_HOME: join(ws.dir, "xdg"), AIML_API_KEY: "sk-cache-cli", ...env },
    cwd: ws.dir,
  });
}

async function rendered(): Promise<Manifest> {
  // --no-cache: the clips reach the cache through `cache export` here, not through render.
  const run = await cli([
    "render",
    ws.storyboard,
    "--base-url",
    sim.url,
    "--poll-interval",
    "0.03",
    "-q",
    "--no-cache",
  ]);
  expect(run.code, run.stderr).toBe(0);
  expect(sim.stats.jobsCreated).toBe(3);
  return (await readManifest(ws.outDir))!;
}

const parse = <T>(run: MainRun): T => JSON.parse(run.stdout) as T;

describe("storyreel cache", () => {
  it("every subcommand's --help has examples and exit codes", async () => {
    for (const sub of ["ls", "stats", "verify", "prune", "export", "import"]) {
      const { code, stdout } = await cli(["cache", sub, "--help"]);
      expect(code, sub).toBe(0);
      expect(stdout).toContain(`Usage: storyreel cache ${sub} `);
      expect(stdout).toMatch(/^Examples:$/m);
      expect(stdout).toMatch(/^ {2}storyreel cache /m);
      expect(stdout).toMatch(/^Exit codes/m);
    }
  });

  it("export, ls, stats, verify finding a corrupted clip, import restoring clips, export repairing the cache", async () => {
    const manifest = await rendered();
    const exported = await cli(["cache", "export", "out"]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(
      `exported out to ${cacheDir}: 3 stored, 0 already there, 0 skipped, 0 failed\n`,
    );
    expect(parse<ExportResult>(await cli(["cache", "export", "out", "--json"]))).toMatchObject({
      stored: [],
      present: ["s1", "s2", "s3"],
      failed: [],
    });

    const ls = parse<{ entries: CacheEntry[] }>(await cli(["cache", "ls", "--json"]));
    const origin = new URL(sim.url).origin;
    expect(ls.entries.map((e) => e.key).sort()).toEqual(
      manifest.shots.map((s) => cacheKey({ inputHash: s.input_hash, backend: origin })).sort(),
    );
    expect(ls.entries.every((e) => e.backend === origin)).toBe(true);
    const text = await cli(["cache", "ls"]);
    expect(text.stdout).toMatch(/^key +created \(UTC\) +backend +model +seconds +credits +clip +prompt$/m);
    expect(text.stdout).toContain(`3 entries, 3 clips (`);

    const stats = parse<CacheStats>(await cli(["cache", "stats", "--json"]));
    expect(stats).toMatchObject({ entries: 3, clips: 3, byBackend: { [origin]: 3 }, unreferencedClips: 0 });
    expect(stats.creditsHeld).toBe(manifest.shots.reduce((sum, s) => sum + (s.credits_used ?? 0), 0));
    expect((await cli(["cache", "stats"])).stdout).toMatch(
      /^entries: {2}3 \(http:\/\/127\.0\.0\.1:\d+ 3\)$/m,
    );

    expect(await cli(["cache", "verify"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/: all intact\n$/),
    });
    const s2 = manifest.shots[1]!;
    const cached = join(cacheDir, ...clipName(s2.clip!.sha256).split("/"));
    const bytes = await readFile(cached);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x5a;
    await writeFile(cached, bytes);
    const verify = await cli(["cache", "verify"]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      new RegExp(
        `^corrupt  clip ${s2.clip!.sha256.slice(0, 12)} \\(.+\\): its bytes do not hash to its name; named by `,
        "m",
      ),
    );
    const report = parse<VerifyReport>(await cli(["cache", "verify", "--json"]));
    expect(report.corrupt.map((c) => c.sha256)).toEqual([s2.clip!.sha256]);

    // The folder loses its clips; import puts back the two intact ones and refuses the corrupt one.
    await rm(join(ws.outDir, "clips"), { recursive: true });
    const imported = await cli(["cache", "import", "out", "--json"]);
    expect(imported.code).toBe(1);
    expect(parse<ImportResult>(imported)).toMatchObject({
      restored: ["s1", "s3"],
      failed: [{ id: "s2", warning: { code: "E_CACHE_CORRUPT" } }],
    });
    const status = await cli(["status", "out"]);
    expect(status.stdout).toMatch(/^s2 +clip missing/m);

    // Another folder that has a good copy repairs the cache on export (export re-hashes what the cache holds).
    const other = join(ws.dir, "other");
    expect(
      (
        await cli([
          "render",
          ws.storyboard,
          "--out",
          other,
          "--base-url",
          sim.url,
          "--only",
          "s2",
          "-q",
          "--no-cache",
        ])
      ).code,
    ).toBe(0);
    expect(parse<ExportResult>(await cli(["cache", "export", other, "--json"])).stored).toEqual(["s2"]);
    expect((await cli(["cache", "verify"])).code).toBe(0);
    expect(await cli(["cache", "import", "out"])).toMatchObject({
      code: 0,
      stdout: `imported into out from ${cacheDir}: 1 clips restored, 2 already intact, 0 not in the cache, 0 failed\n`,
    });
    expect((await cli(["status", "out", "--verify"])).code).toBe(0);
  });

  it("export to S3 and import from it into a folder that lost its clips (AWS settings from the environment)", async () => {
    const s3 = await startS3Server(join(ws.dir, "s3"));
    try {
      await rendered();
      const to = `s3://${BUCKET}/team`;
      const exported = await cli(["cache", "export", "out", "--to", to], s3.env);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toContain(`to ${to}: 3 stored`);
      expect((await cli(["cache", "verify", "--cache", to], s3.env)).code).toBe(0);
      await rm(join(ws.outDir, "clips"), { recursive: true });
      const imported = await cli(["cache", "import", "out", "--from", to], s3.env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain("3 clips restored");
      expect((await cli(["status", "out", "--verify"])).code).toBe(0);
      // A bucket that is not there: exit 1 and one line naming it.
      const missing = await cli(["cache", "ls", "--cache", "s3://no-such-bucket"], s3.env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(
        /^error: cache s3:\/\/no-such-bucket: the bucket no-such-bucket does not exist/,
      );
    } finally {
      await s3.close();
    }
  });

  it("prune through the CLI; bad locations, values and folders exit 2 and touch nothing", async () => {
    await rendered();
    await cli(["cache", "export", "out"]);
    expect(await cli(["cache", "prune", "--max-size", "0", "--dry-run"])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^would remove 3 entries \(3 for size\) and 3 clips \(.+\) from .+; it would keep 0 entries, 0 clips \(0 B\)\n$/,
      ),
    });
    expect(parse<CacheStats>(await cli(["cache", "stats", "--json"])).entries).toBe(3);

    const bad: [string[], Record<string, string>, RegExp][] = [
      [
        ["cache", "ls", "--cache", "s3://"],
        {},
        /^error: --cache: "s3:\/\/" is not allowed \(it names no bucket/,
      ],
      [["cache", "export", "out", "--to", "gs://x/y"], {}, /^error: --to: "gs:\/\/x\/y" is not allowed/],
      [["cache", "ls"], { STORYREEL_CACHE: "off" }, /^error: STORYREEL_CACHE turns the cache off/],
      [
        ["cache", "ls", "--cache", "s3://b-1"],
        { AWS_ENDPOINT_URL: "not a url" },
        /^error: AWS_ENDPOINT_URL: /,
      ],
      [["cache", "prune"], {}, /^error: cache prune: give --older-than <age>, --max-size <size>, or both\n$/],
      [["cache", "prune", "--older-than", "soon"], {}, /^error: --older-than: "soon" is not allowed/],
      [
        ["cache", "prune", "--older-than", "1d"],
        { STORYREEL_CACHE_READ_ONLY: "1" },
        /is read-only: nothing was pruned/,
      ],
      [["cache", "export", "nowhere"], {}, /^error: .*nowhere does not exist/],
    ];
    for (const [args, env, message] of bad) {
      const run = await cli(args, env);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    }
    expect(parse<CacheStats>(await cli(["cache", "stats", "--json"])).entries).toBe(3);
    const pruned = await cli(["cache", "prune", "--max-size", "0"]);
    expect(pruned.stdout).toMatch(/^removed 3 entries \(3 for size\) and 3 clips/);
    expect(parse<CacheStats>(await cli(["cache", "stats", "--json"]))).toMatchObject({
      entries: 0,
      clips: 0,
    });
  });
});
