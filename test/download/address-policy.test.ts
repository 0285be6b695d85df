// Downloads go only where the API may send them: real HTTP to a local clip server, with the policy's API origin
// injected ("the API is https://api.aimlapi.com") and names resolved through an injected lookup.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { LookupAddress } from "node:dns";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkDownloadUrl, downloadClip, isLocalAddress, policyForApi } from "../../src/download/index.js";
import type { HostLookup } from "../../src/download/index.js";
import { redirect, startClipServer, status } from "../helpers/clip-server.js";
import type { ClipServer } from "../helpers/clip-server.js";

const REMOTE_API = "https://api.aimlapi.com";
const RETRY = { attempts: 2, baseDelayMs: 1, capDelayMs: 2, deadlineMs: 2_000 };
let server: ClipServer;
let outDir = "";

beforeEach(async () => {
  server = await startClipServer();
  server.script([], status(500));
  outDir = await mkdtemp(join(tmpdir(), "storyreel-address-"));
});

afterEach(async () => {
  await server.close();
  await rm(outDir, { recursive: true, force: true });
});

/** A lookup that answers `address` for every name, and records the names asked. */
function resolvingTo(address: string): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup: HostLookup = (hostname, _options, callback) => {
    asked.push(hostname);
    const answer: LookupAddress[] = [{ address, family: address.includes(":") ? 6 : 4 }];
    queueMicrotask(() => callback(null, answer));
  };
  return Object.assign(lookup, { asked });
}

async function refusal(
  url: string,
  extra: { api?: string; lookup?: HostLookup } = {},
): Promise<{ code: string; message: string }> {
  const err = await downloadClip({
    url,
    outDir,
    relPath: "clips/001-a.mp4",
    retry: RETRY,
    api: REMOTE_API,
    ...extra,
  }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(err, "the download should have been refused").not.toBeNull();
  return err!;
}

async function nothingWritten(): Promise<void> {
  const clips = join(outDir, "clips");
  expect(existsSync(clips) ? await readdir(clips) : []).toEqual([]);
  expect(server.requests).toHaveLength(0);
}

describe("download address policy (the API is not local)", () => {
  it("refuses http://127.0.0.1:PORT named by a remote API: E_DOWNLOAD_ADDRESS, no request, nothing written", async () => {
    const err = await refusal(`${server.url}/clip.mp4`);
    expect(err.code).toBe("E_DOWNLOAD_ADDRESS");
    await nothingWritten();
  });

  it("refuses https://localhost.:PORT (a trailing-dot name for this machine)", async () => {
    const err = await refusal(`https://localhost.:${server.port}/clip.mp4`);
    expect(err.code).toBe("E_DOWNLOAD_ADDRESS");
    await nothingWritten();
  });

  it("refuses a name that resolves to the loopback address the clip server listens on (checked before connecting)", async () => {
    const lookup = resolvingTo("127.0.0.1");
    const err = await refusal(`https://clips.example.test:${server.port}/clip.mp4`, { lookup });
    expect(err.code).toBe("E_DOWNLOAD_ADDRESS");
    expect(err.message).toContain("resolves to 127.0.0.1");
    expect(lookup.asked).toContain("clips.example.test");
    await nothingWritten();
  });

  it.each(["10.20.30.40", "169.254.169.254", "192.168.1.7", "172.16.0.1", "fd00::1", "::ffff:10.0.0.1"])(
    "refuses a name resolving to %s",
    async (address) => {
      const lookup = resolvingTo(address);
      const err = await refusal(`https://clips.example.test:${server.port}/clip.mp4`, { lookup });
      expect(err.code).toBe("E_DOWNLOAD_ADDRESS");
      expect(lookup.asked).toEqual(["clips.example.test"]);
      await nothingWritten();
    },
  );

  it("refuses literal link-local and private addresses in the URL without resolving anything", async () => {
    const lookup = resolvingTo("127.0.0.1");
    for (const url of [
      "https://169.254.169.254/latest",
      "https://10.0.0.1/x.mp4",
      "https://[fe80::1]/x.mp4",
    ]) {
      expect((await refusal(url, { lookup })).code).toBe("E_DOWNLOAD_ADDRESS");
    }
    expect(lookup.asked).toEqual([]);
  });

  it("a redirect's target is checked by the same rule (a remote API's clip may not redirect to a local host)", () => {
    const remote = policyForApi(REMOTE_API);
    expect(() => checkDownloadUrl("http://127.0.0.1:8080/x.mp4", remote)).toThrow(
      expect.objectContaining({ code: "E_DOWNLOAD_ADDRESS" }),
    );
    expect(() => checkDownloadUrl("http://cdn.example.com/x.mp4", remote)).toThrow(
      expect.objectContaining({ code: "E_DOWNLOAD_URL" }),
    );
    expect(checkDownloadUrl("https://cdn.example.com/x.mp4", remote).host).toBe("cdn.example.com");
  });
});

describe("download address policy (the API is local: the simulator, tests)", () => {
  it("a local API's clip server may redirect to another local address, not to a plain-http remote host", async () => {
    const target = await startClipServer();
    try {
      target.script([], status(404));
      server.script([redirect(`${target.url}/moved.mp4`), redirect("http://example.com/clip.mp4")]);
      const first = await refusal(`${server.url}/clip.mp4`, { api: server.url });
      expect(first.code).toBe("E_DOWNLOAD_HTTP"); // followed to the other local server, which answered 404
      expect(target.requests).toHaveLength(1);
      const second = await refusal(`${server.url}/clip.mp4`, { api: server.url });
      expect(second.code).toBe("E_DOWNLOAD_URL");
    } finally {
      await target.close();
    }
  });

  it("classifies addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.1.1",
      "100.64.0.1",
      "169.254.1.1",
      "::1",
      "fe80::2",
      "fc00::1",
      "0.0.0.0",
    ]) {
      expect(isLocalAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "2606:4700::1111", "not-an-ip"])
      expect(isLocalAddress(a), a).toBe(false);
    expect(policyForApi("simulator").allowLocal).toBe(true);
    expect(policyForApi("http://127.0.0.1:4123").allowLocal).toBe(true);
    expect(policyForApi(REMOTE_API).allowLocal).toBe(false);
  });
});
