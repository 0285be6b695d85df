// `storyreel plan` text output (table, footnoted estimate bases, totals, unit and source) and `validate --json`.
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { runMain } from "../stitch/cli-io.js";
import { runMainWith } from "../helpers/main-io.js";

const T2V = `  - id: t1
    model: google/veo-3.1-t2v-fast
    prompt: "a lighthouse at night"
`;

let ws: Workspace;
let sim: Simulator;

beforeAll(async () => {
  ws = await makeWorkspace(storyboardYaml(3) + T2V);
  sim = await startSimulator({ render: "fast", latency: 30 });
});

afterAll(async () => {
  await sim?.close();
  await ws?.cleanup();
});

const UNIT =
  "credits are AIML credits: $1 = 2,000,000 credits (https://docs.aimlapi.com/faq/how-can-i-track-my-funds)";

/** An API base where nothing listens: no price catalogue, so these estimates come from the folder alone. */
let NO_CATALOGUE: Record<string, string>;

beforeAll(async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  NO_CATALOGUE = { AIML_API_BASE: `http://127.0.0.1:${port}` };
});

const plan = (args: string[]) => runMainWith(["plan", ...args], { cwd: ws.dir, env: NO_CATALOGUE });

describe("storyreel plan (no price catalogue)", () => {
  it("every price unknown: a table, each basis as a footnote, and the total reads unknown", async () => {
    const { code, stdout, stderr } = await plan(["story.yaml"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^shot\s+action\s+model\s+seconds\s+est\. USD\s+est\. credits\s+request\s+why$/);
    expect(lines[1]).toMatch(
      /^s1\s+render\s+google\/veo-3\.1-first-last-image-to-video-fast\s+4\s+unknown\s+unknown \[1\]\s+duration=4 resolution="720p" aspect_ratio="16:9" image_url=f0\.png last_image_url=f1\.png\s+new shot$/,
    );
    expect(lines[4]).toMatch(/^t1\s+render\s+google\/veo-3\.1-t2v-fast\s+4\s+unknown\s+unknown \[2\]\s/);
    expect(lines).toContain(
      "[1] unknown: no price catalogue (see prices:); no earlier shot of google/veo-3.1-first-last-image-to-video-fast here",
    );
    expect(lines).toContain(
      "[2] unknown: no price catalogue (see prices:); no earlier shot of google/veo-3.1-t2v-fast here",
    );
    expect(lines).toContain("4 to render (16 s of video), 0 to resume, 0 up to date, 0 not selected");
    expect(lines).toContain("estimated cost: unknown (4 shots of unknown price)");
    expect(stdout).toMatch(
      /^prices: no catalogue \(model catalogue \(GET \/v1\/models\): cannot connect to http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\).*\)$/m,
    );
    expect(stdout).not.toContain("0 credits +");
    expect(lines).toContain(UNIT);
    expect(lines).toContain(`output: ${ws.outDir}`);
    expect(lines).toContain("nothing was submitted.");
  });

  it("prices learned from an earlier render on the same backend: the basis says so; unknown ones are added as a count", async () => {
    const first = await render({
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: "k",
      pollInterval: 0.05,
      selection: { only: ["s1"] },
    });
    expect(first.exitCode).toBe(0);
    const perShot = first.creditsUsed;
    expect(perShot).toBeGreaterThan(0);
    // the simulator's catalogue is down: only what the folder observed on this backend prices the plan
    sim.faults.add("models", { type: "status", status: 503 }, { times: "always" });
    const { code, stdout } = await runMainWith(["plan", "story.yaml"], {
      cwd: ws.dir,
      env: { AIML_API_BASE: sim.url },
    });
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[1]).toMatch(/^s1\s+up to date\s+\S+\s+4\s+-\s+-\s/);
    const cell = `${perShot.toLocaleString("en-US")} [1]`;
    const usd = `$${(perShot / 2_000_000).toFixed(2)}`;
    expect(lines[2]).toContain(`${usd}  `);
    expect(lines[2]).toContain(cell);
    expect(lines[3]).toContain(cell);
    expect(lines[4]).toMatch(/\sunknown\s+unknown \[2\]\s/);
    expect(lines).toContain(
      `[1] observed: ${Math.round(perShot / 4)} credits/s over 1 earlier shot of google/veo-3.1-first-last-image-to-video-fast`,
    );
    expect(lines).toContain(
      `estimated cost: $${((2 * perShot) / 2_000_000).toFixed(2)} (${(2 * perShot).toLocaleString("en-US")} credits): 2 by earlier renders (observed) + 1 shot of unknown price`,
    );
    expect(lines).toContain(UNIT);
    sim.faults.clear();
  });

  it("only known prices: the total alone, with its basis", async () => {
    const { stdout } = await runMainWith(["plan", "story.yaml", "--only", "s2,s3"], {
      cwd: ws.dir,
      env: { AIML_API_BASE: sim.url },
    });
    expect(stdout).toMatch(/^estimated cost: \$[\d.,]+ \([\d,]+ credits\): 2 by the simulator's list$/m);
    expect(stdout).toMatch(/^t1\s+not selected\s+.*-\s/m);
  });
});

describe("storyreel validate --json", () => {
  it("valid: every file with no diagnostics, exit 0", async () => {
    const { code, stdout } = await runMain(["validate", "story.yaml", "--json"], ws.dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      valid: true,
      files: [{ file: join(ws.dir, "story.yaml"), valid: true, diagnostics: [] }],
    });
  });

  it("invalid: each problem with its position and code, exit 2, nothing on stderr", async () => {
    await writeFile(join(ws.dir, "bad.yaml"), storyboardYaml(1).replace("duration: 4", "duration: 5"));
    const { code, stdout, stderr } = await runMain(["validate", "story.yaml", "bad.yaml", "--json"], ws.dir);
    expect(code).toBe(2);
    expect(stderr).toBe("");
    const result = JSON.parse(stdout) as {
      valid: boolean;
      files: { file: string; valid: boolean; diagnostics: Record<string, unknown>[] }[];
    };
    expect(result.valid).toBe(false);
    expect(result.files.map((f) => f.valid)).toEqual([true, false]);
    expect(result.files[1]!.diagnostics).toEqual([
      expect.objectContaining({
        file: join(ws.dir, "bad.yaml"),
        line: 5,
        column: 13,
        path: "shots[0].duration",
        code: expect.any(String),
        message: expect.stringContaining("5 is not allowed"),
      }),
    ]);
  });
});
