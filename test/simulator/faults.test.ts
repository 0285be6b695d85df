import { afterEach, describe, expect, it } from "vitest";
import { isMp4 } from "../../src/media/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator, SimulatorOptions } from "../../src/simulator/index.js";
import { hasCode } from "../../src/util/errors.js";
import { AUTH, ManualClock, http, json, pollUrl, submitT2v, submitUrl, T2V } from "./helpers.js";

describe("scripted faults", () => {
  let sim: Simulator | undefined;
  let clock: ManualClock;
  const start = async (opts: SimulatorOptions = {}): Promise<Simulator> => {
    clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 100, clock, ...opts });
    return sim;
  };
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const body = { model: T2V, prompt: "x" };
  const poll = (s: Simulator, id: string) => http(pollUrl(s.url, id), { headers: AUTH });
  const completedUrl = async (s: Simulator, id: string): Promise<string> => {
    clock.advance(100);
    return ((json(await poll(s, id))["video"] as { url: string }) ?? { url: "" }).url;
  };

  it("status: answers the scripted status with Retry-After, `times` times, then recovers", async () => {
    const s = await start();
    const handle = s.faults.add("submit", { type: "status", status: 503, retryAfter: 7 }, { times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await http(submitUrl(s.url), { headers: AUTH, body });
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("7");
      expect(json(res)).toMatchObject({ statusCode: 503, path: "/v2/video/generations" });
    }
    expect((await http(submitUrl(s.url), { headers: AUTH, body })).status).toBe(200);
    expect(handle.fired).toBe(2);
    expect(s.stats.jobsCreated).toBe(1);
    expect(s.stats.faultsFired["status"]).toBe(2);
  });

  it("status: Retry-After as an HTTP-date, and a scripted 429 counts as rate limited", async () => {
    const s = await start();
    s.faults.add("poll", { type: "status", status: 429, retryAfterDate: 3 });
    const res = await poll(s, "whatever");
    expect(res.status).toBe(429);
    const date = Date.parse(String(res.headers["retry-after"]));
    expect(date - clock.wallNow().getTime()).toBe(3000);
    expect(s.stats.rateLimited).toBe(1);
  });

  it("reset: destroys the socket before answering and creates no job", async () => {
    const s = await start();
    s.faults.add("submit", { type: "reset" });
    const res = await http(submitUrl(s.url), { headers: AUTH, body });
    expect(res.status).toBe(0);
    expect(res.error).not.toBeNull();
    expect(s.stats.jobsCreated).toBe(0);
    expect(s.requests.at(-1)).toMatchObject({ kind: "submit", status: null });
  });

  it("reset-after-accept: the job is created (paid) but the client sees a reset", async () => {
    const s = await start();
    s.faults.add("submit", { type: "reset-after-accept" });
    const res = await http(submitUrl(s.url), { headers: AUTH, body });
    expect(res.status).toBe(0);
    expect(res.error).not.toBeNull();
    expect(s.stats.jobsCreated).toBe(1);
    const [id] = [...s.stats.jobs.keys()];
    clock.advance(100);
    expect(json(await poll(s, id ?? ""))["status"]).toBe("completed");
  });

  it("stall: never answers, and close() still returns promptly", async () => {
    const s = await start();
    s.faults.add("poll", { type: "stall" });
    const pending = poll(s, "x");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.stats.requests.poll).toBe(1);
    await s.close();
    const res = await pending;
    expect(res.status).toBe(0);
    expect(res.error).not.toBeNull();
  });

  it("malformed: 200 with a body that is not JSON; on submit the job is still created", async () => {
    const s = await start();
    s.faults.add("submit", { type: "malformed" });
    const res = await http(submitUrl(s.url), { headers: AUTH, body });
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.body.toString()) as unknown).toThrow();
    expect(s.stats.jobsCreated).toBe(1);
  });

  it("unexpected: 200 with valid JSON of the wrong shape", async () => {
    const s = await start();
    const id = await submitT2v(s.url);
    s.faults.add("poll", { type: "unexpected" }, { match: { id } });
    const res = await poll(s, id);
    expect(res.status).toBe(200);
    const parsed = json(res);
    expect(parsed["status"]).toBeUndefined();
    expect(parsed["id"]).toBeUndefined();
    expect(json(await poll(s, id))["status"]).toBe("queued");
  });

  it("truncate: announces Content-Length N but delivers fewer bytes", async () => {
    const s = await start();
    const id = await submitT2v(s.url);
    const url = await completedUrl(s, id);
    s.faults.add("download", { type: "truncate", bytes: 100 });
    const res = await http(url);
    expect(res.status).toBe(200);
    expect(Number(res.headers["content-length"])).toBeGreaterThan(100);
    expect(res.body.length).toBe(100);
    expect(res.error).not.toBeNull();
    const full = await http(url);
    expect(full.body.length).toBe(Number(full.headers["content-length"]));
  });

  it("corrupt: the download is not an MP4", async () => {
    const s = await start();
    const url = await completedUrl(s, await submitT2v(s.url));
    s.faults.add("download", { type: "corrupt" });
    const res = await http(url);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(Number(res.headers["content-length"]));
    expect(isMp4(res.body)).toBe(false);
  });

  it("status and reset on downloads", async () => {
    const s = await start();
    const url = await completedUrl(s, await submitT2v(s.url));
    s.faults.add("download", { type: "status", status: 403 });
    s.faults.add("download", { type: "reset" });
    expect((await http(url)).status).toBe(403);
    const reset = await http(url);
    expect(reset.error).not.toBeNull();
    expect(reset.status).toBe(0);
    expect((await http(url)).status).toBe(200);
  });

  it("job-error at submit: the job ends in status error with {name, message} when its latency elapses", async () => {
    const s = await start();
    s.faults.add("submit", { type: "job-error", name: "ContentPolicy", message: "prompt refused" });
    const id = await submitT2v(s.url);
    expect(json(await poll(s, id))["status"]).toBe("queued");
    clock.advance(100);
    expect(json(await poll(s, id))).toMatchObject({
      status: "error",
      video: null,
      error: { name: "ContentPolicy", message: "prompt refused" },
    });
    expect(s.stats.inFlight).toBe(0);
  });

  it("job-error at poll: the job errors from that poll on", async () => {
    const s = await start();
    const id = await submitT2v(s.url);
    s.faults.add("poll", { type: "job-error" }, { match: { id } });
    const res = json(await poll(s, id));
    expect(res["status"]).toBe("error");
    expect((res["error"] as { name: string }).name).toBe("GenerationError");
    clock.advance(100);
    expect(json(await poll(s, id))["status"]).toBe("error");
    expect(s.stats.inFlight).toBe(0);
  });

  it("never-finish: the job stays generating forever and stays in flight", async () => {
    const s = await start();
    s.faults.add("submit", { type: "never-finish" });
    const id = await submitT2v(s.url);
    clock.advance(3_600_000);
    expect(json(await poll(s, id))["status"]).toBe("generating");
    expect(s.stats.inFlight).toBe(1);
    expect(s.stats.jobs.get(id)?.completesAt).toBeNull();
  });

  it("forget: a known id answers 404 in the API's shape", async () => {
    const s = await start();
    const id = await submitT2v(s.url);
    s.faults.add("poll", { type: "forget" }, { match: { id } });
    const res = await poll(s, id);
    expect(res.status).toBe(404);
    expect(json(res)).toMatchObject({ statusCode: 404 });
    expect((await poll(s, id)).status).toBe(200);
  });

  it("delay: answers normally once the clock has passed the delay", async () => {
    const s = await start();
    const id = await submitT2v(s.url);
    s.faults.add("poll", { type: "delay", ms: 500 });
    let answered = false;
    const pending = poll(s, id).then((res) => {
      answered = true;
      return res;
    });
    while (clock.sleeping === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered).toBe(false);
    clock.advance(500);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(json(res)["status"]).toBe("completed");
  });

  it("matches by model and route, skips, and fires `always`", async () => {
    const s = await start();
    s.faults.add(
      "submit",
      { type: "status", status: 502 },
      { match: { model: "google/veo-3.0-fast" }, times: "always" },
    );
    s.faults.add("submit", { type: "status", status: 500 }, { match: { route: "vendor" }, skip: 1 });
    expect((await http(submitUrl(s.url), { headers: AUTH, body })).status).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      const other = await http(submitUrl(s.url), {
        headers: AUTH,
        body: { model: "google/veo-3.0-fast", prompt: "x" },
      });
      expect(other.status).toBe(502);
    }
    const vendor = `${s.url}/v2/generate/video/google/generation`;
    expect((await http(vendor, { headers: AUTH, body })).status).toBe(200);
    expect((await http(vendor, { headers: AUTH, body })).status).toBe(500);
    expect((await http(vendor, { headers: AUTH, body })).status).toBe(200);
    expect(s.faults.pending).toBe(1);
  });

  it("probability faults are repeatable under a seed", async () => {
    const run = async (): Promise<number[]> => {
      const s = await start({ seed: 7 });
      s.faults.add("poll", { type: "status", status: 503 }, { probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await poll(s, "nope")).status);
      await s.close();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(404);
  });

  it("refuses a fault that cannot apply to the request kind", async () => {
    const s = await start();
    const err: unknown = (() => {
      try {
        s.faults.add("submit", { type: "truncate" });
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(hasCode(err, "E_SIM_CONFIG")).toBe(true);
    expect(() => s.faults.add("poll", { type: "forget" }, { times: 0 })).toThrow(/times/);
  });

  it("takes an initial script from the options", async () => {
    const s = await start({ faults: [{ kind: "submit", fault: { type: "status", status: 500 } }] });
    expect((await http(submitUrl(s.url), { headers: AUTH, body })).status).toBe(500);
    expect((await http(submitUrl(s.url), { headers: AUTH, body })).status).toBe(200);
  });
});
