// `storyreel status` and `storyreel models` through main(): output, JSON, exit codes and --help.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { render } from "../../src/commands/render/render.js";
import { modelCard, models } from "../../src/commands/models/models.js";
import { status } from "../../src/commands/status/status.js";
import { listModels } from "../../src/catalog/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { withCacheOff } from "../helpers/cache-env.js";

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(
  argv: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: withCacheOff(env),
    isTTY: false,
    cwd,
    handleSignals: false,
  });
  return { code, stdout, stderr };
}

let ws: Workspace;
let sim: Simulator;

beforeAll(async () => {
  ws = await makeWorkspace(storyboardYaml(3));
  sim = await startSimulator({ render: "fast", latency: 50 });
  // the second submission (s2, with one shot at a time) ends in a job error
  sim.faults.add("submit", { type: "job-error", message: "content policy violation" }, { skip: 1 });
  const result = await render({
    storyboard: ws.storyboard,
    baseUrl: sim.url,
    apiKey: "sk-status-test",
    concurrency: 1,
    pollInterval: 0.05,
  });
  expect(result.counts).toMatchObject({ completed: 2, failed: 1 });
});

afterAll(async () => {
  await sim?.close();
  await ws?.cleanup();
});

describe("status (library)", () => {
  it("returns the manifest, its counts, credits and the storyboard it came from", async () => {
    const result = await status({ outDir: ws.outDir });
    expect(result.storyboardPath).toBe(ws.storyboard);
    expect(result.counts).toEqual({
      total: 3,
      completed: 2,
      failed: 1,
      unknown: 0,
      skipped: 0,
      submitted: 0,
      pending: 0,
    });
    expect(result.complete).toBe(false);
    expect(result.manifest.shots.map((s) => s.status)).toEqual(["completed", "failed", "completed"]);
    const reported = result.manifest.shots.reduce((sum, s) => sum + (s.credits_used ?? 0), 0);
    expect(result.creditsUsed).toBe(reported);
  });
});

describe("storyreel status", () => {
  it("prints the storyboard, the counts, one row per shot and the command to render what failed", async () => {
    const { code, stdout, stderr } = await run(["status", "out"], ws.dir);
    expect(stderr).toBe("");
    expect(code).toBe(1); // a shot failed
    const lines = stdout.split("\n");
    expect(lines).toContain("storyboard  story.yaml");
    expect(lines).toContain("output      out");
    expect(stdout).toMatch(/^3 shots: 2 completed, 1 failed; [\d,]+ credits used$/m);
    expect(stdout).toMatch(/^shot\s+status\s+duration\s+polls\s+credits\s+clip or error$/m);
    expect(stdout).toMatch(/^s1\s+completed\s+4 s\s+\d+\s+\S+\s+clips\/001-s1\.mp4( \(warning: .*\))?$/m);
    expect(stdout).toMatch(
      /^s2\s+failed\s+4 s\s+\d+\s+\S+\s+E_GENERATION_FAILED: content policy violation$/m,
    );
    // rendered against a `storyreel sim`-like server: the manifest records that run's --base-url and tuning
    expect(stdout).toMatch(
      /^render what failed again: storyreel render story\.yaml --out out --base-url http:\/\/127\.0\.0\.1:\d+ .*--failed$/m,
    );
    expect(stdout).not.toContain("--sim");
  });

  it("prints the manifest and its counts as JSON with --json", async () => {
    const { code, stdout } = await run(["status", ws.outDir, "--json"], ws.dir);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as Record<string, unknown> & {
      manifest: { shots: { id: string }[] };
      counts: Record<string, number>;
    };
    expect(json.storyboard).toBe(ws.storyboard);
    expect(json.outDir).toBe(ws.outDir);
    expect(json.complete).toBe(false);
    expect(json.counts).toMatchObject({ total: 3, completed: 2, failed: 1 });
    expect(json.manifest.shots.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(typeof json.credits_used).toBe("number");
  });

  it("exits 0 once every shot is completed", async () => {
    const rerun = await render({
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: "sk-status-test",
      pollInterval: 0.05,
      selection: { failed: true },
    });
    expect(rerun.counts.completed).toBe(1);
    const { code, stdout } = await run(["status", "out"], ws.dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^3 shots: 3 completed; /m);
    expect(stdout).not.toContain("--failed");
  });

  it("refuses a missing folder, or one without a manifest, with exit 2, naming the folder", async () => {
    const empty = await mkdtemp(join(tmpdir(), "storyreel-status-"));
    try {
      const missing = await run(["status", "nothing-here"], empty);
      expect(missing.code).toBe(2);
      expect(missing.stdout).toBe("");
      expect(missing.stderr).toMatch(/^error: \S*nothing-here /);
      await mkdir(join(empty, "renders"));
      const bare = await run(["status", "renders"], empty);
      expect(bare.code).toBe(2);
      expect(bare.stdout).toBe("");
      expect(bare.stderr).toMatch(/^error: \S*renders .*manifest\.json/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("documents itself, with examples and exit codes", async () => {
    const { code, stdout } = await run(["status", "--help"], ws.dir);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: storyreel status [options] <out-dir>");
    expect(stdout).toContain("storyreel status renders/harbour");
    expect(stdout).toContain("Exit codes: 0 every shot completed");
  });
});

describe("models (library)", () => {
  it("lists every catalog model, and filters by words in the id", () => {
    expect(models().map((m) => m.id)).toEqual(listModels().map((m) => m.id));
    const veo = models({ filter: ["VEO", "i2v"] });
    expect(veo.length).toBeGreaterThan(0);
    for (const m of veo) expect(m.id.toLowerCase()).toMatch(/veo.*i2v|i2v.*veo/);
    const fast = veo.find((m) => m.id === "google/veo-3.0-i2v-fast");
    expect(fast).toMatchObject({
      frames: { first: "required", last: "none" },
      durations: [4, 6, 8],
      resolutions: ["720P", "1080P"],
      audio: true,
      priceKnown: false,
      price: { known: false, reason: "no price catalogue" },
      semanticComplete: true,
      needsParams: [],
    });
  });

  it("says which required fields a storyboard cannot fill", () => {
    const ref = models({ filter: ["veo-3.1-reference-to-video"] })[0];
    expect(ref?.semanticComplete).toBe(false);
    expect(ref?.needsParams).toEqual(["image_urls"]);
  });

  it("a card: every request field with its type, allowed values, default and storyboard key or params", () => {
    const card = modelCard("alibaba/happyhorse-1-0");
    expect(card?.fields.map((f) => [f.name, f.storyboardKey])).toEqual([
      ["model", "model"],
      ["prompt", "prompt"],
      ["image_url", "first_frame"],
      ["reference_image_urls", null],
      ["video_url", null],
      ["aspect_ratio", "aspect_ratio"],
      ["resolution", "resolution"],
      ["duration", "duration"],
      ["audio_setting", null],
      ["seed", "seed"],
      ["watermark", null],
    ]);
    expect(card?.fields.find((f) => f.name === "duration")).toEqual({
      name: "duration",
      type: "integer",
      allowed: "3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15",
      default: "10",
      required: false,
      storyboardKey: "duration",
    });
    expect(card?.fields.find((f) => f.name === "reference_image_urls")).toMatchObject({
      type: "array of string (uri)",
      allowed: "up to 9 items",
    });
    expect(modelCard("no/such-model")).toBeUndefined();
  });
});

describe("storyreel models", () => {
  const simPrices = () => ({ AIML_API_BASE: sim.url });

  it("prints a table of the matching models with frames, durations, sizes, price per second by resolution and fields", async () => {
    const { code, stdout } = await run(["models", "veo"], ws.dir, simPrices());
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^model\s+first\s+last\s+seconds\s+resolutions\s+aspect ratios\s+audio\s+price\s+fields$/,
    );
    expect(stdout).toMatch(
      /^google\/veo-3\.1-first-last-image-to-video-fast\s+required\s+required\s+4,6,8\s+720p,1080p\s+16:9,9:16\s+yes\s+USD\/s: 720p \d\.\d\d–\d\.\d\d, 1080p \d\.\d\d–\d\.\d\d\s+storyboard$/m,
    );
    expect(stdout).toMatch(/^google\/veo-3\.1-reference-to-video\s.*\+params: image_urls$/m);
    expect(stdout).toMatch(/^veo2\s+none\s+none\s+5-8\s+-\s+16:9,9:16\s+-\s+USD\/s: \d\.\d\d\s+storyboard$/m);
    const count = models({ filter: ["veo"] }).length;
    expect(stdout).toMatch(new RegExp(`^${count} models\\. `, "m"));
    expect(lines.at(-1)).toMatch(
      /^prices: the simulator's price list \(made up, not AIML's\) from http:\/\/127\.0\.0\.1:\d+$/,
    );
    expect(sim.stats.requests.models).toBeGreaterThanOrEqual(1);
  });

  it("prices are unknown when the catalogue cannot be read, and the last line says why", async () => {
    sim.faults.add("models", { type: "status", status: 503 }, { times: "always" });
    try {
      const { code, stdout } = await run(["models", "veo"], ws.dir, simPrices());
      expect(code).toBe(0);
      expect(stdout).toMatch(/^veo2\s+none\s+none\s+5-8\s+-\s+16:9,9:16\s+-\s+unknown\s+storyboard$/m);
      expect(stdout).toMatch(
        /^prices: no catalogue \(model catalogue \(GET \/v1\/models\): server error \(HTTP 503\)/m,
      );
    } finally {
      sim.faults.clear();
    }
  });

  it("storyreel models <id>: the full card, with every price variant", async () => {
    const { code, stdout } = await run(["models", "google/veo-3.0-i2v-fast"], ws.dir, simPrices());
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("google/veo-3.0-i2v-fast");
    expect(lines).toContain("frames         first: required (first_frame → image_url); last: none");
    expect(lines).toContain("price, from the simulator's price list (made up, not AIML's):");
    expect(stdout).toMatch(/^ {2}resolution\s+generate_audio\s+USD\s+per$/m);
    expect(stdout).toMatch(/^ {2}1080P\s+true\s+\d\.\d\d\s+second$/m);
    expect(stdout).toMatch(/^request field\s+type\s+required\s+allowed\s+default\s+storyboard key$/m);
    expect(stdout).toMatch(/^image_url\s+string \(uri\)\s+yes\s+-\s+-\s+first_frame$/m);
    expect(stdout).toMatch(/^duration\s+integer\s+-\s+4, 6, 8\s+"8"\s+duration$/m);
    const params = await run(["models", "veo-3.1-reference-to-video"], ws.dir, simPrices());
    expect(params.stdout).toMatch(
      /^storyboard\s+also set under the shot's params: image_urls \(required\)$/m,
    );
    expect(params.stdout).toMatch(/^image_urls\s+array of string \(uri\)\s+yes\s+.*params: image_urls$/m);
  });

  it("storyreel models <alias> --json: the card as JSON, found by the catalogue's alias", async () => {
    const { code, stdout } = await run(["models", "veo-3.0-i2v-fast", "--json"], ws.dir, simPrices());
    expect(code).toBe(0);
    const card = JSON.parse(stdout) as Record<string, unknown> & { price: Record<string, unknown> };
    expect(card["id"]).toBe("google/veo-3.0-i2v-fast");
    expect(card["required"]).toEqual(["prompt", "image_url"]);
    expect(card.price).toMatchObject({ known: true, basis: "simulator" });
    expect((card.price["variants"] as unknown[]).length).toBe(4);
  });

  it("prints JSON with --json", async () => {
    const { code, stdout } = await run(["models", "kling", "--json"], ws.dir, simPrices());
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; priceKnown: boolean }[];
    expect(rows.map((r) => r.id)).toEqual(models({ filter: ["kling"] }).map((m) => m.id));
    expect(rows.every((r) => r.priceKnown)).toBe(true);
  });

  it("--sim shows the simulator's prices without asking any API", async () => {
    const before = sim.stats.requests.models;
    const { code, stdout } = await run(["models", "--sim", "veo"], ws.dir, {
      AIML_API_BASE: "http://127.0.0.1:9",
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^veo2\s.*\sUSD\/s: \d\.\d\d\s+storyboard$/m);
    expect(stdout).toContain(
      "prices: the simulator's price list (made up, not AIML's), what --sim renders are billed",
    );
    expect(sim.stats.requests.models).toBe(before);
  });

  it("exits 1 when no model matches", async () => {
    const { code, stdout, stderr } = await run(["models", "no-such-model"], ws.dir, simPrices());
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe('no model id contains "no-such-model"\n');
  });

  it("documents itself, with examples and exit codes", async () => {
    const { code, stdout } = await run(["models", "--help"], ws.dir);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: storyreel models [options] [filter...]");
    expect(stdout).toContain("storyreel models veo");
    expect(stdout).toContain("storyreel models google/veo-3.0-i2v-fast");
    expect(stdout).toContain("--refresh-prices");
    expect(stdout).toContain("Exit codes: 0 models listed, 1 no model id matches the filter, 2 usage.");
  });
});
