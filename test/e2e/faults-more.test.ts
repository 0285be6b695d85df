// More faults over real HTTP: gateway answers to a submission (unknown, never resent), a refused connection, a
// stalled poll, broken downloads, a Retry-After HTTP date and a malformed poll body.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "undici";
import { render } from "../../src/commands/render/render.js";
import type { RenderOptions } from "../../src/commands/render/render.js";
import { readManifest } from "../../src/manifest/index.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { RecordedRequest, Simulator, SimulatorOptions } from "../../src/simulator/index.js";
import { makeClip, makeTempDir } from "../media/fixtures.js";
import { freePort, startTcpProxy } from "../helpers/tcp-proxy.js";
import type { TcpProxy } from "../helpers/tcp-proxy.js";
import { watchedAgent } from "../helpers/watched-agent.js";
import type { ConnectAttempt } from "../helpers/watched-agent.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-faults-more-2b7c9e";
const FAST_RETRY = { baseDelayMs: 10, capDelayMs: 50, deadlineMs: 5_000, retryAfterCapMs: 5_000 };
let sim: Simulator | undefined;
let ws: Workspace | undefined;
let proxy: TcpProxy | undefined;
let agent: Agent | undefined;

/** The one clip the simulator serves for every job, and its sha256. */
let clip = { path: "", sha256: "", bytes: 0 };
let clipDir: { dir: string; cleanup: () => Promise<void> } | undefined;

beforeAll(async () => {
  clipDir = await makeTempDir();
  const path = join(clipDir.dir, "served.mp4");
  await makeClip(path, { audio: false });
  const bytes = await readFile(path);
  clip = { path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
});

afterAll(async () => {
  await clipDir?.cleanup();
});

afterEach(async () => {
  await agent?.close();
  await proxy?.close();
  await sim?.close();
  await ws?.cleanup();
  agent = undefined;
  proxy = undefined;
  sim = undefined;
  ws = undefined;
});

async function setup(shots: number, simOptions: SimulatorOptions = {}): Promise<RenderOptions> {
  ws = await makeWorkspace(storyboardYaml(shots));
  sim = await startSimulator({ latency: 60, render: "fast", fastClipPath: clip.path, ...simOptions });
  return {
    storyboard: ws.storyboard,
    baseUrl: sim.url,
    apiKey: KEY,
    pollInterval: 0.03,
    retry: FAST_RETRY,
    requestTimeout: 1,
  };
}

async function manifest(): Promise<Manifest> {
  const m = await readManifest(ws!.outDir);
  if (!m) throw new Error("no manifest");
  return m;
}

function shot(m: Manifest, id: string): ShotRecord {
  const found = m.shots.find((s) => s.id === id);
  if (!found) throw new Error(`no shot ${id}`);
  return found;
}

const ofKind = (kind: RecordedRequest["kind"]): RecordedRequest[] =>
  sim!.requests.filter((r) => r.kind === kind);

/** The shot completed, from one generation, and its clip on disk is byte for byte what the simulator served. */
async function expectServedClip(m: Manifest, id: string): Promise<void> {
  const s = shot(m, id);
  expect(s.status).toBe("completed");
  expect(s.clip).toMatchObject({ bytes: clip.bytes, sha256: clip.sha256 });
  const onDisk = await readFile(join(ws!.outDir, s.clip!.path));
  expect(createHash("sha256").update(onDisk).digest("hex")).toBe(clip.sha256);
}

describe("submission faults", () => {
  it.each([502, 504])(
    "a gateway %i on a submission is unknown: never resent, the other shots go on",
    async (status) => {
      const options = await setup(2);
      sim!.faults.add("submit", { type: "status", status, message: "Bad gateway" });
      const result = await render({ ...options, concurrency: 1 });
      expect(result.exitCode).toBe(1);
      expect(result.counts).toMatchObject({ unknown: 1, completed: 1 });
      // one POST per shot: the one that met the gateway was not sent again
      expect(sim!.stats.requests.submit).toBe(2);
      expect(sim!.stats.responses[status]).toBe(1);
      const m = await manifest();
      expect(shot(m, "s1")).toMatchObject({
        status: "unknown",
        generation_id: null,
        error: { code: "E_SUBMIT_UNKNOWN" },
      });
      expect(shot(m, "s1").error!.message).toContain(String(status));
      await expectServedClip(m, "s2");
    },
  );

  it("a refused connection on a submission is retried (nothing reached the API) and the shot completes", async () => {
    const options = await setup(1);
    // The base URL's port refuses connections until the first refusal is seen; then a proxy to the simulator opens.
    const port = await freePort();
    const attempts: ConnectAttempt[] = [];
    let opening: Promise<void> | undefined;
    agent = watchedAgent((attempt) => {
      attempts.push(attempt);
      if (attempt.error === "ECONNREFUSED" && opening === undefined) {
        opening = startTcpProxy({ port, targetPort: Number(new URL(sim!.url).port) }).then((p) => {
          proxy = p;
        });
      }
    });
    const result = await render({
      ...options,
      baseUrl: `http://127.0.0.1:${port}`,
      dispatcher: agent,
      retry: { ...FAST_RETRY, baseDelayMs: 200, capDelayMs: 400, jitter: "none" },
    });
    expect(result.exitCode).toBe(0);
    expect(attempts[0]).toMatchObject({ port: String(port), error: "ECONNREFUSED" });
    expect(attempts.filter((a) => a.error === "ECONNREFUSED")).toHaveLength(1);
    expect(proxy!.connections).toBeGreaterThanOrEqual(1);
    expect(sim!.stats.requests.submit).toBe(1);
    expect(sim!.stats.jobsCreated).toBe(1);
    await expectServedClip(await manifest(), "s1");
  });
});

describe("poll faults", () => {
  it("a poll that stalls past the request timeout is retried; the shot completes from the same generation", async () => {
    const options = await setup(1);
    sim!.faults.add("poll", { type: "stall" });
    const result = await render({ ...options, requestTimeout: 0.4 });
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.faultsFired["stall"]).toBe(1);
    expect(sim!.stats.jobsCreated).toBe(1);
    const polls = ofKind("poll");
    expect(polls.length).toBeGreaterThanOrEqual(2);
    const stalled = polls.find((r) => r.status === null)!;
    const next = polls[polls.indexOf(stalled) + 1]!;
    // the client gave up on the stalled poll after its timeout, not before, and asked again
    expect(next.at - stalled.at).toBeGreaterThanOrEqual(380);
    expect(next.query["generation_id"]).toBe(stalled.query["generation_id"]);
    await expectServedClip(await manifest(), "s1");
  });

  it.each([502, 504])("a gateway %i on a poll is simply retried (polls are safe to repeat)", async (code) => {
    const options = await setup(1);
    sim!.faults.add("poll", { type: "status", status: code }, { times: 2 });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.responses[code]).toBe(2);
    expect(sim!.stats.requests.submit).toBe(1);
    await expectServedClip(await manifest(), "s1");
  });

  it("a 429 on a poll with Retry-After as an HTTP date is honoured", async () => {
    const options = await setup(1, { latency: 300 });
    // the date is 2 s after the answer, at whole-second resolution: the wait must be more than 1 s
    sim!.faults.add("poll", { type: "status", status: 429, retryAfterDate: 2 });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.rateLimited).toBe(1);
    const polls = ofKind("poll");
    const throttled = polls.find((r) => r.status === 429)!;
    const later = polls.filter((r) => r.at > throttled.at);
    expect(later.length).toBeGreaterThanOrEqual(1);
    // nothing was sent to the API before the date had passed (poll interval and backoff are ~30 ms here)
    const firstAfter = Math.min(...later.map((r) => r.at));
    expect(firstAfter - throttled.at).toBeGreaterThanOrEqual(950);
    expect(firstAfter - throttled.at).toBeLessThan(10_000); // not held for long past the date (a loaded machine is slow)
    expect(sim!.stats.jobsCreated).toBe(1);
    await expectServedClip(await manifest(), "s1");
  });

  it("a malformed JSON poll answer is retried; the shot completes", async () => {
    const options = await setup(1);
    sim!.faults.add("poll", { type: "malformed" });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.faultsFired["malformed"]).toBe(1);
    const polls = ofKind("poll");
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(new Set(polls.map((r) => r.query["generation_id"])).size).toBe(1);
    expect(sim!.stats.requests.submit).toBe(1);
    expect(sim!.stats.jobsCreated).toBe(1);
    await expectServedClip(await manifest(), "s1");
  });
});

describe("download faults", () => {
  it("a download reset mid-body is retried; the clip's sha256 matches what was served", async () => {
    const options = await setup(1);
    sim!.faults.add("download", { type: "truncate", bytes: 1000 });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.faultsFired["truncate"]).toBe(1);
    expect(sim!.stats.requests.download).toBe(2);
    await expectServedClip(await manifest(), "s1");
  });

  it.each([500, 502, 503])("a download answered %i is retried; the clip's sha256 matches", async (status) => {
    const options = await setup(1);
    sim!.faults.add("download", { type: "status", status }, { times: 2 });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.requests.download).toBe(3);
    expect(sim!.stats.jobsCreated).toBe(1);
    await expectServedClip(await manifest(), "s1");
  });

  it("a download that keeps failing fails the shot; the rerun fetches the same generation again, no new POST", async () => {
    const options = await setup(1);
    sim!.faults.add("download", { type: "status", status: 503 }, { times: "always" });
    const first = await render(options);
    expect(first.exitCode).toBe(1);
    const failed = shot(await manifest(), "s1");
    expect(failed).toMatchObject({ status: "failed", error: { code: "E_DOWNLOAD_HTTP" } });
    expect(failed.generation_id).not.toBeNull();

    sim!.faults.clear();
    const second = await render(options);
    expect(second.exitCode).toBe(0);
    expect(sim!.stats.requests.submit).toBe(1);
    expect(sim!.stats.jobsCreated).toBe(1);
    const m = await manifest();
    expect(shot(m, "s1").generation_id).toBe(failed.generation_id);
    await expectServedClip(m, "s1");
  });
});
