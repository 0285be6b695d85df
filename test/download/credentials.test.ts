// The API key goes to the API origin only: never to the download host, not even when the API host redirects the
// clip to another host. A real render() against a scripted API (node:http) and a separate clip host.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { downloadClip } from "../../src/download/index.js";
import { makeClip, makeTempDir } from "../media/fixtures.js";
import { bytes, redirect, startClipServer } from "../helpers/clip-server.js";
import type { ClipServer } from "../helpers/clip-server.js";
import { json, startScriptedServer } from "../helpers/scripted-server.js";
import type { ScriptedServer } from "../helpers/scripted-server.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-live-CREDENTIALS-4e3d2c1b0a";
const ROUTE = "/v2/video/generations";

let clip: Buffer;
let fixture: { dir: string; cleanup: () => Promise<void> } | undefined;
let api: ScriptedServer | undefined;
let apiFiles: ClipServer | undefined;
let host: ClipServer | undefined;
let ws: Workspace | undefined;

beforeAll(async () => {
  fixture = await makeTempDir();
  const file = join(fixture.dir, "clip.mp4");
  await makeClip(file, { audio: false });
  clip = await readFile(file);
});

afterAll(async () => {
  await fixture?.cleanup();
});

afterEach(async () => {
  await api?.close();
  await apiFiles?.close();
  await host?.close();
  await ws?.cleanup();
  api = apiFiles = host = ws = undefined;
});

function headersOf(requests: { headers: Record<string, unknown> }[]): string {
  return JSON.stringify(requests.map((r) => r.headers));
}

describe("no Authorization reaches the download host", () => {
  it("render: the clip URL on the API host redirects to another host; neither download carries the key", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    api = await startScriptedServer();
    // the clip is served from "the API host" (same hostname) on its files port, which redirects to another host
    apiFiles = await startClipServer("127.0.0.1");
    host = await startClipServer("localhost");
    const clipUrl = `http://127.0.0.1:${apiFiles.port}/files/gen-1.mp4`;
    apiFiles.script([redirect(`${host.url}/cdn/gen-1.mp4?sig=abc`)]);
    host.script([bytes(clip)]);
    api.script(`POST ${ROUTE}`, [json(200, { id: "gen-1", status: "queued" })]);
    api.script(`GET ${ROUTE}`, [], {
      otherwise: json(200, { id: "gen-1", status: "completed", video: { url: clipUrl } }),
    });

    const result = await render({
      storyboard: ws.storyboard,
      baseUrl: api.url,
      apiKey: KEY,
      pollInterval: 0.03,
      retry: { baseDelayMs: 5, capDelayMs: 20, deadlineMs: 3000 },
    });
    expect(result.exitCode).toBe(0);
    // the API itself got the key, as a bearer token, on every request but the public price catalogue's
    const keyed = api.requests.filter((r) => !r.url.startsWith("/v1/models"));
    expect(keyed.length).toBeGreaterThanOrEqual(2);
    for (const r of keyed) expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
    for (const r of api.requests.filter((r) => r.url.startsWith("/v1/models")))
      expect(r.headers.authorization).toBeUndefined();
    // both hops of the download went out without it
    expect(apiFiles.requests).toHaveLength(1);
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0]!.url).toBe("/cdn/gen-1.mp4?sig=abc");
    for (const r of [...apiFiles.requests, ...host.requests]) {
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers.cookie).toBeUndefined();
    }
    expect(headersOf([...apiFiles.requests, ...host.requests])).not.toContain(KEY);
    const shot = result.manifest.shots[0]!;
    expect(shot.status).toBe("completed");
    expect(shot.clip!.sha256).toBe(createHash("sha256").update(clip).digest("hex"));
  });

  it("render: a clip URL on the API origin itself redirecting elsewhere does not carry the key either", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    host = await startClipServer("localhost");
    host.script([bytes(clip)]);
    api = await startScriptedServer();
    api.script(`POST ${ROUTE}`, [json(200, { id: "gen-2", status: "queued" })]);
    api.script(`GET ${ROUTE}`, [], {
      otherwise: json(200, {
        id: "gen-2",
        status: "completed",
        video: { url: `${api.url}/files/gen-2.mp4` },
      }),
    });
    api.script("GET /files/gen-2.mp4", [
      { kind: "raw", status: 302, body: "", headers: { location: `${host.url}/gen-2.mp4` } },
    ]);

    const result = await render({
      storyboard: ws.storyboard,
      baseUrl: api.url,
      apiKey: KEY,
      pollInterval: 0.03,
      retry: { baseDelayMs: 5, capDelayMs: 20, deadlineMs: 3000 },
    });
    expect(result.exitCode).toBe(0);
    const fileHits = api.requestsTo("GET /files/gen-2.mp4");
    expect(fileHits).toHaveLength(1);
    expect(fileHits[0]!.headers.authorization).toBeUndefined();
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0]!.headers.authorization).toBeUndefined();
    expect(headersOf([...fileHits, ...host.requests])).not.toContain(KEY);
    for (const r of api.requests.filter((x) => x.pathname === ROUTE)) {
      expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
    }
  });

  it("downloadClip: a redirect to a plain-http non-loopback host is refused without following it", async () => {
    const out = await makeTempDir();
    apiFiles = await startClipServer();
    apiFiles.script([redirect("http://example.com/clip.mp4")]);
    try {
      await expect(
        downloadClip({
          url: `${apiFiles.url}/files/x.mp4`,
          outDir: out.dir,
          relPath: "clips/x.mp4",
          retry: { attempts: 2, baseDelayMs: 1, capDelayMs: 2 },
          api: apiFiles.url,
        }),
      ).rejects.toMatchObject({ code: "E_DOWNLOAD_URL" });
      expect(apiFiles.requests).toHaveLength(1);
    } finally {
      await out.cleanup();
    }
  });
});
