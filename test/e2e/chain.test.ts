// Chained shots on the simulator: continuity at the joins, change that propagates like a build, waiting and failures.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { locateFfmpeg } from "../../src/media/index.js";
import { runMainWith } from "../helpers/main-io.js";
import { useSimWorkspace } from "../helpers/sim-workspace.js";

const run = promisify(execFile);
const KEY = "sk-test-chain-5e6f";
const t = useSimWorkspace({ key: KEY });

/** dawn → boats (dawn's last frame) → gull (boats' last frame, ending on f3); solo stands alone. */
const CHAIN = (dawnPrompt = "Mist lifts off the harbour.") => `version: 1
output: out
defaults:
  model: google/veo-3.1-first-last-image-to-video-fast
  duration: 4
  resolution: 720p
shots:
  - id: dawn
    prompt: "${dawnPrompt}"
    first_frame: frames/f0.png
    last_frame: frames/f1.png
  - id: boats
    prompt: "The fishing boats head out."
    first_frame: { shot: dawn, frame: last }
    last_frame: frames/f2.png
  - id: gull
    prompt: "A gull crosses to the lighthouse."
    first_frame: { shot: boats }
    last_frame: frames/f3.png
  - id: solo
    prompt: "Elsewhere."
    first_frame: frames/f2.png
    last_frame: frames/f0.png
`;

/** One frame of a clip as raw RGB bytes (ffmpeg decodes it: "first" or the true last frame). */
async function frameRgb(clip: string, pick: "first" | "last"): Promise<Buffer> {
  const ffmpeg = await locateFfmpeg();
  const seek = pick === "last" ? ["-sseof", "-0.5"] : [];
  const update = pick === "last" ? ["-update", "1"] : ["-frames:v", "1"];
  const { stdout } = await run(
    ffmpeg,
    ["-loglevel", "error", ...seek, "-i", clip, ...update, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  // -update 1 on a pipe writes every frame: the last one is at the end.
  const size = 1280 * 720 * 3;
  const frames = Math.floor(stdout.length / size);
  return frames > 1 ? stdout.subarray((frames - 1) * size) : stdout;
}

/** Peak signal-to-noise ratio of two equal-size RGB frames, in dB (Infinity when identical). */
function psnr(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  const mse = sum / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

describe("a storyboard is a film: chained shots", () => {
  it("renders each shot after the clip it starts from, with no visible cut at the joins", async () => {
    await t.start(CHAIN(), { render: "ffmpeg" });
    const first = await t.render(["--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(4);
    const events = first.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; id?: string; on?: string[] });
    expect(events.filter((e) => e.type === "shot_waiting").map((e) => [e.id, e.on])).toEqual([
      ["boats", ["dawn"]],
      ["gull", ["boats"]],
    ]);
    // Each dependent was submitted only after its upstream completed.
    const at = (type: string, id: string) => events.findIndex((e) => e.type === type && e.id === id);
    expect(at("shot_submitted", "boats")).toBeGreaterThan(at("shot_completed", "dawn"));
    expect(at("shot_submitted", "gull")).toBeGreaterThan(at("shot_completed", "boats"));

    const manifest = (await readManifest(t.ws.outDir))!;
    const byId = new Map(manifest.shots.map((s) => [s.id, s]));
    expect(byId.get("boats")!.upstream).toEqual({
      image_url: { shot: "dawn", frame: "last", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(byId.get("dawn")!.upstream ?? null).toBeNull();
    // The join: the upstream clip's last frame is the dependent clip's first frame.
    for (const [up, down] of [
      ["dawn", "boats"],
      ["boats", "gull"],
    ] as const) {
      const last = await frameRgb(join(t.ws.outDir, byId.get(up)!.clip!.path), "last");
      const firstOfNext = await frameRgb(join(t.ws.outDir, byId.get(down)!.clip!.path), "first");
      expect(psnr(last, firstOfNext), `${up} → ${down}`).toBeGreaterThan(35);
    }
    // And a cut where there is no chain: solo starts elsewhere.
    const gullLast = await frameRgb(join(t.ws.outDir, byId.get("gull")!.clip!.path), "last");
    const soloFirst = await frameRgb(join(t.ws.outDir, byId.get("solo")!.clip!.path), "first");
    expect(psnr(gullLast, soloFirst)).toBeLessThan(20);
  });

  it("change propagates like a build: an unchanged chain is up to date, an edited first shot re-renders the chain and nothing else", async () => {
    await t.start(CHAIN());
    expect((await t.render()).code).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(4);

    const again = await t.render();
    expect(again.code, again.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(4); // nothing sent

    await writeFile(t.ws.storyboard, CHAIN("Mist lifts slowly off the harbour."));
    const plan = await runMainWith(["plan", t.ws.storyboard, "--base-url", t.sim.url]);
    expect(plan.stdout).toMatch(/boats +render \(after dawn\)/);
    expect(plan.stdout).toMatch(/gull +render \(after boats\)/);
    expect(plan.stdout).toMatch(/solo +up to date/);
    const edited = await t.render();
    expect(edited.code, edited.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(7); // dawn, boats, gull — not solo
  });

  it("--only a dependent whose upstream changed renders the upstream first, and says why", async () => {
    await t.start(CHAIN());
    expect((await t.render()).code).toBe(0);
    await writeFile(t.ws.storyboard, CHAIN("Fog."));
    const plan = await runMainWith(["plan", t.ws.storyboard, "--base-url", t.sim.url, "--only", "boats"]);
    expect(plan.stdout).toMatch(/dawn +render .*needed first by boats \(starts from its frame\)/);
    expect(plan.stdout).toMatch(/gull +not selected/);
    const only = await t.render(["--only", "boats"]);
    expect(only.code, only.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(6); // dawn and boats again
  });

  it("an upstream that fails skips its dependents with E_UPSTREAM_FAILED; --failed renders them all in order", async () => {
    await t.start(CHAIN());
    t.sim.faults.add("poll", { type: "job-error", name: "policy", message: "blocked" }, { times: 1 });
    const first = await t.render(["--concurrency", "1"]);
    expect(first.code).toBe(1);
    const manifest = (await readManifest(t.ws.outDir))!;
    const status = Object.fromEntries(manifest.shots.map((s) => [s.id, [s.status, s.error?.code ?? null]]));
    expect(status.dawn).toEqual(["failed", "E_GENERATION_FAILED"]);
    expect(status.boats).toEqual(["skipped", "E_UPSTREAM_FAILED"]);
    expect(status.gull).toEqual(["skipped", "E_UPSTREAM_FAILED"]);
    expect(status.solo).toEqual(["completed", null]);
    expect(t.sim.stats.jobsCreated).toBe(2); // dawn and solo: nothing was paid for the skipped shots

    const rerun = await t.render(["--failed"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(5);
    const after = (await readManifest(t.ws.outDir))!;
    expect(after.shots.map((s) => s.status)).toEqual(["completed", "completed", "completed", "completed"]);
    const raw = await readFile(join(t.ws.outDir, "manifest.json"), "utf8");
    expect(raw).not.toContain(KEY);
  });
});
