// `storyreel plan` prices: a fresh folder gets a USD total from the catalogue, each estimate names its basis,
// prices seen on the simulator never price a real run, and --sim says its prices are the simulator's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { json, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";
import { runMainWith } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const MODEL = "google/veo-3.1-first-last-image-to-video-fast";
const KEY = "sk-plan-prices-KEY-0123456789";

/** The reference's example prices: 720p 0.39 USD per second, 1080p 0.65. */
const CATALOGUE = {
  object: "list",
  data: [
    {
      id: MODEL,
      aliases: ["veo-3.1-first-last-fast"],
      type: "video",
      info: { name: "Veo 3.1 first-last fast", developer: "Google" },
      tags: [],
      pricing: {
        kind: "variants",
        currency: "USD",
        dimensions: ["resolution"],
        variants: [
          { when: { resolution: "720p" }, price: 0.39, unit: "second", per: 1 },
          { when: { resolution: "1080p" }, price: 0.65, unit: "second", per: 1 },
        ],
      },
    },
  ],
};

let ws: Workspace;
let api: ScriptedServer;

beforeAll(async () => {
  ws = await makeWorkspace(storyboardYaml(2));
  api = await startScriptedServer();
});

afterAll(async () => {
  await api?.close();
  await ws?.cleanup();
});

const MODELS_ROUTE = "GET /v1/models";

function plan(args: string[], env: Record<string, string> = {}) {
  return runMainWith(["plan", "story.yaml", ...args], {
    cwd: ws.dir,
    env: { AIML_API_BASE: api.url, AIML_API_KEY: KEY, ...env },
  });
}

describe("storyreel plan: prices from the catalogue", () => {
  it("a fresh folder: USD and credits per shot and in total, from the catalogue of <date>; the key is not sent", async () => {
    api.script(MODELS_ROUTE, [json(200, CATALOGUE, { etag: '"v1"' })]);
    const { code, stdout, stderr } = await plan([]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[1]).toMatch(
      new RegExp(
        `^s1\\s+render\\s+${MODEL.replace(/[/.]/g, "\\$&")}\\s+4\\s+\\$1\\.56\\s+3,120,000 \\[1\\]\\s`,
      ),
    );
    expect(lines[2]).toMatch(/^s2\s+render\s+\S+\s+4\s+\$1\.56\s+3,120,000 \[1\]\s/);
    expect(stdout).toMatch(
      /^\[1\] catalogue of \d{4}-\d\d-\d\d \d\d:\d\d UTC: 0\.39 USD per second \(resolution 720p\)$/m,
    );
    expect(lines).toContain("estimated cost: $3.12 (6,240,000 credits): 2 priced by the catalogue");
    expect(stdout).toMatch(
      new RegExp(`^prices: catalogue of .* UTC from ${api.url.replace(/[.]/g, "\\.")}$`, "m"),
    );
    expect(lines).toContain("nothing was submitted.");
    const [request] = api.requestsTo(MODELS_ROUTE);
    expect(request!.query).toEqual({ include: "pricing" });
    expect(request!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(request!.headers)).not.toContain(KEY);
    expect(api.requests.filter((r) => r.method !== "GET")).toHaveLength(0);
  });

  it("--json: each estimate with USD, credits, basis and detail; where the prices came from", async () => {
    api.script(MODELS_ROUTE, [json(200, CATALOGUE)]);
    const { code, stdout } = await plan(["--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      shots: { estimate: Record<string, unknown> }[];
      totals: Record<string, unknown>;
      prices: Record<string, unknown>;
    };
    expect(result.shots[0]!.estimate).toMatchObject({
      credits: 3_120_000,
      usd: 1.56,
      basis: "catalogue",
      detail: expect.stringMatching(/^catalogue of .*: 0\.39 USD per second \(resolution 720p\)$/),
      priceList: expect.stringMatching(/^catalogue of /),
      catalogueDate: expect.any(String),
    });
    expect(result.totals).toMatchObject({
      estimatedCredits: 6_240_000,
      estimatedUsd: 3.12,
      unknownPrice: 0,
      byBasis: { catalogue: 2, simulator: 0, observed: 0, unknown: 0 },
    });
    expect(result.prices).toMatchObject({ backend: api.url, state: "downloaded", problem: null });
  });

  it("prices seen on the simulator never price a real run; --sim prices with the simulator's list and says so", async () => {
    const simRun = await render({
      storyboard: ws.storyboard,
      sim: { render: "fast", latency: 30 },
      pollInterval: 0.03,
    });
    expect(simRun.exitCode).toBe(0);
    expect(simRun.manifest.shots.map((s) => s.backend)).toEqual(["simulator", "simulator"]);
    const charged = simRun.manifest.shots[0]!.credits_used!;
    // the real catalogue does not list the model: the simulator's credits_used must not stand in for a price
    api.script(MODELS_ROUTE, [json(200, { object: "list", data: [] })]);
    const real = await plan(["--force"]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(
      new RegExp(
        `^\\[1\\] unknown: ${MODEL.replace(/[/.]/g, "\\$&")} is not in the catalogue \\(catalogue of .* UTC\\); no earlier shot of \\S+ here$`,
        "m",
      ),
    );
    expect(real.stdout).toContain("estimated cost: unknown (2 shots of unknown price)");
    expect(real.stdout).not.toContain("observed");

    const requestsBefore = api.requests.length;
    const sim = await plan(["--force", "--sim"]);
    expect(sim.code).toBe(0);
    expect(sim.stdout).toMatch(
      /^\[1\] the simulator's price list \(made up, not AIML's\): [\d.]+ USD per second \(resolution 720p, generate_audio true\)$/m,
    );
    expect(sim.stdout).toContain(`${charged.toLocaleString("en-US")} [1]`); // what the simulator billed
    expect(sim.stdout).toMatch(/^estimated cost: \$[\d.]+ \([\d,]+ credits\): 2 by the simulator's list$/m);
    expect(sim.stdout).toMatch(
      /^prices: the simulator's price list \(made up, not AIML's\), what --sim renders are billed; a real render is priced by AIML's catalogue$/m,
    );
    expect(api.requests.length).toBe(requestsBefore); // --sim asks no API
  });

  it("refuses --sim with --base-url, and a base URL render would refuse, with exit 2 and no request", async () => {
    const before = api.requests.length;
    const both = await plan(["--sim", "--base-url", api.url]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--sim and --base-url");
    const plainHttp = await plan(["--base-url", "http://prices.example.com"]);
    expect(plainHttp.code).toBe(2);
    expect(plainHttp.stderr).toContain('--base-url "http://prices.example.com" uses http');
    expect(api.requests.length).toBe(before);
  });

  it("documents --sim, --base-url and --refresh-prices", async () => {
    const { stdout } = await runMainWith(["plan", "--help"], { cwd: ws.dir });
    expect(stdout).toContain("--refresh-prices");
    expect(stdout).toContain("--sim");
    expect(stdout).toContain("at most every 6 h");
  });
});
