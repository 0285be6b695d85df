import { afterEach, describe, expect, it } from "vitest";
import { isMp4 } from "../../src/media/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { AUTH, KEY, ManualClock, http, json, pollUrl, submitT2v } from "./helpers.js";

describe("download origin", () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  const videoUrl = async (s: Simulator, clock: ManualClock): Promise<string> => {
    const id = await submitT2v(s.url);
    clock.advance(10);
    return (json(await http(pollUrl(s.url, id), { headers: AUTH }))["video"] as { url: string }).url;
  };

  it("serves clips from a second server on another port and records requests per origin", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 10, clock, separateDownloadOrigin: true });
    expect(sim.downloadUrl).not.toBe(sim.url);
    const url = await videoUrl(sim, clock);
    expect(url.startsWith(`${sim.downloadUrl}/files/`)).toBe(true);
    const clip = await http(url);
    expect(clip.status).toBe(200);
    expect(isMp4(clip.body)).toBe(true);
    // The API origin does not serve the bytes.
    expect((await http(url.replace(sim.downloadUrl, sim.url))).status).toBe(404);

    const downloads = sim.requests.filter((r) => r.origin === "download");
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ kind: "download", method: "GET", status: 200 });
    expect(downloads[0]?.headers.authorization).toBeUndefined();
    const apiRequests = sim.requests.filter((r) => r.origin === "api" && r.kind !== "download");
    expect(apiRequests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it("can answer the download with a 302 from the API origin to the download origin", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 10, clock, downloadRedirect: true });
    const url = await videoUrl(sim, clock);
    expect(url.startsWith(`${sim.url}/files/`)).toBe(true);
    const hop = await http(url, { headers: AUTH });
    expect(hop.status).toBe(302);
    expect(hop.headers.location).toBe(url.replace(sim.url, sim.downloadUrl));

    // fetch drops Authorization on a cross-origin redirect; the download origin records what it got.
    const res = await fetch(url, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(isMp4(new Uint8Array(await res.arrayBuffer()))).toBe(true);
    const atDownload = sim.requests.filter((r) => r.origin === "download");
    expect(atDownload).toHaveLength(1);
    expect(JSON.stringify(atDownload[0]?.headers)).not.toContain(KEY);
  });
});
