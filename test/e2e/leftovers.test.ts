// A render killed (SIGKILL) while a clip streams leaves clips/.<hex>.part behind; the next run, holding the folder's
// lock, removes it (and says so), and no temporary file stays once it completes.
import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { runMainWith } from "../helpers/main-io.js";
import { until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-leftovers-1a2b3c";
let sim: Simulator | undefined;
let front: { url: string; close(): Promise<void>; slow: boolean } | undefined;
let ws: Workspace | undefined;
let child: ReturnType<typeof spawnCli> | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited(child);
  }
  child = undefined;
  await front?.close();
  await sim?.close();
  await ws?.cleanup();
  front = undefined;
  sim = undefined;
  ws = undefined;
});

/**
 * The API in front of a simulator: API requests pass through; a completed generation's video URL points here,
 * and while `slow` is set, a clip is sent only in part (its first 4 KiB) and then held open.
 */
async function startFront(target: Simulator): Promise<typeof front & object> {
  const sockets = new Set<Socket>();
  const state = { url: "", slow: true, close: (): Promise<void> => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await new Promise<Buffer>((resolve) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => resolve(Buffer.concat(chunks)));
      });
      if (req.url!.startsWith("/clip?"))
        return sendClip(new URL(req.url!, state.url).searchParams.get("from")!, res);
      const headers = { ...req.headers };
      delete headers.host;
      const upstream = await request(`${target.url}${req.url}`, {
        method: req.method as "GET" | "POST",
        headers,
        ...(req.method === "POST" ? { body } : {}),
      });
      let text = await upstream.body.text();
      try {
        const json = JSON.parse(text) as { video?: { url: string } | null };
        if (json.video?.url) json.video.url = `${state.url}/clip?from=${encodeURIComponent(json.video.url)}`;
        text = JSON.stringify(json);
      } catch {
        // not JSON: passed on as is
      }
      res.writeHead(upstream.statusCode, { "content-type": "application/json" });
      res.end(text);
    })();
  });
  async function sendClip(from: string, res: ServerResponse): Promise<void> {
    const clip = Buffer.from(await (await request(from)).body.arrayBuffer());
    res.writeHead(200, { "content-type": "video/mp4", "content-length": String(clip.length) });
    if (!state.slow) return void res.end(clip);
    res.write(clip.subarray(0, 4096)); // and never the rest
  }
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

const partFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".part") || n.endsWith(".tmp"));

describe("a crash leaves nothing behind for good", () => {
  it("SIGKILL mid-download leaves clips/.<hex>.part; the next run removes it, says so, and completes", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    sim = await startSimulator({ latency: 50, render: "fast" });
    front = await startFront(sim);
    const args = ["render", ws.storyboard, "--base-url", front.url, "--poll-interval", "0.05"];
    child = spawnCli(args, { env: { AIML_API_KEY: KEY } });
    const clips = join(ws.outDir, "clips");
    await until(async () => {
      const out = child!.output();
      if (out.code !== null || out.signal !== null) throw new Error(`the CLI exited early:\n${out.stderr}`);
      return (await partFiles(clips)).length > 0;
    }, 60_000);
    child.kill("SIGKILL");
    await exited(child);
    const left = await partFiles(clips);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.[0-9a-f]{12}\.part$/);

    front.slow = false;
    const rerun = await runMainWith(args, { env: { AIML_API_KEY: KEY } });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout + rerun.stderr).toContain(
      `removed 1 temporary file a stopped run left: clips/${left[0]}`,
    );
    expect(await partFiles(clips)).toEqual([]);
    expect(await partFiles(ws.outDir)).toEqual([]);
    expect(sim.stats.jobsCreated).toBe(1); // the paid generation was fetched again, not paid again
  });
});
