// GitHub Actions output: the job summary Markdown, the annotation workflow commands, and their escaping.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  escapeWorkflowData,
  escapeWorkflowProperty,
  githubAnnotations,
  githubStepSummary,
  writeGithubReport,
} from "../../src/views/index.js";
import type { GithubReportInput } from "../../src/views/index.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";

function shot(over: Partial<ShotRecord> & Pick<ShotRecord, "id" | "status">): ShotRecord {
  return {
    model: "google/veo-3.1-i2v-fast",
    input_hash: "h",
    generation_id: null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: {},
    video_url: null,
    clip: null,
    credits_used: null,
    duration_seconds: 4,
    error: null,
    warnings: [],
    ...over,
  };
}

const MANIFEST: Manifest = {
  version: 1,
  storyboard: { path: "../../stories/harbour.yaml", sha256: "s" },
  title: "Harbour <at> dawn",
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: "2026-01-01T00:01:00.000Z",
  shots: [
    shot({
      id: "dawn",
      status: "completed",
      line: 14,
      polls: 3,
      credits_used: 800_000,
      clip: { path: "clips/001-dawn.mp4", bytes: 10, sha256: "x" },
    }),
    shot({
      id: "mona",
      status: "failed",
      line: 27,
      polls: 2,
      error: { code: "E_GENERATION_FAILED", message: "50% | too\nmany, hands: <b>" },
    }),
    shot({
      id: "pier",
      status: "unknown",
      line: 33,
      error: { code: "E_SUBMIT_UNKNOWN", message: "no answer" },
    }),
    shot({ id: "gulls", status: "skipped", error: { code: "E_MAX_CREDITS", message: "not submitted: cap" } }),
    shot({ id: "tide", status: "pending" }),
  ],
};

const INPUT: GithubReportInput = {
  manifest: MANIFEST,
  counts: {
    total: 5,
    completed: 1,
    failed: 1,
    unknown: 1,
    skipped: 1,
    upToDate: 0,
    excluded: 0,
    inFlight: 0,
    pending: 1,
  },
  command: "storyreel render stories/harbour.yaml",
  storyboardFile: "stories/harbour.yaml",
  elapsedMs: 61_000,
  creditsUsed: 800_000,
  interrupted: false,
  fatal: null,
};

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("escaping for workflow commands", () => {
  it("escapes %, CR and LF in data, and also : and , in properties", () => {
    expect(escapeWorkflowData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeWorkflowProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });
});

describe("annotations", () => {
  it("points every failed or unknown shot (error) and skipped shot (warning) at its storyboard line", () => {
    expect(githubAnnotations(INPUT)).toEqual([
      "::error file=stories/harbour.yaml,line=27,title=storyreel mona::failed: E_GENERATION_FAILED: 50%25 | too%0Amany, hands: <b>",
      "::error file=stories/harbour.yaml,line=33,title=storyreel pier::unknown: E_SUBMIT_UNKNOWN: no answer",
      "::warning file=stories/harbour.yaml,title=storyreel gulls::skipped: E_MAX_CREDITS: not submitted: cap",
    ]);
  });

  it("adds the error that stopped the run, and escapes property values", () => {
    const lines = githubAnnotations({
      ...INPUT,
      storyboardFile: "odd,dir/a:b.yaml",
      fatal: { code: "E_API_FORBIDDEN", message: "out of credits\n(403)" },
    });
    expect(lines[0]).toBe("::error title=storyreel::E_API_FORBIDDEN: out of credits%0A(403)");
    expect(lines[1]).toMatch(/^::error file=odd%2Cdir\/a%3Ab\.yaml,line=27,title=storyreel mona::/);
  });

  it("says nothing when every shot completed", () => {
    const manifest = { ...MANIFEST, shots: [MANIFEST.shots[0]!] };
    expect(githubAnnotations({ ...INPUT, manifest })).toEqual([]);
  });
});

describe("job summary", () => {
  it("has a title, the outcome, one escaped table row per shot and the commands to run next", () => {
    const md = githubStepSummary(INPUT);
    const lines = md.split("\n");
    expect(lines[0]).toBe("### storyreel: Harbour &lt;at&gt; dawn");
    expect(md).toContain(
      "finished after 61 s: 1 completed, 1 failed, 1 unknown, 1 skipped, 1 not submitted; 800,000 credits used (storyboard stories/harbour.yaml)",
    );
    expect(lines).toContain("| shot | status | duration | polls | credits | clip or error |");
    expect(lines).toContain("| dawn | ✅ completed | 4 s | 3 | 800,000 | clips/001-dawn.mp4 |");
    // a message with a pipe, a newline and HTML stays inside its cell, on one line
    expect(lines).toContain(
      "| mona | ❌ failed | 4 s | 2 | - | E_GENERATION_FAILED: 50% \\| too many, hands: &lt;b&gt; |",
    );
    expect(lines).toContain("| tide | ⏸️ not submitted | 4 s | 0 | - |  |");
    const rows = lines.filter((l) => l.startsWith("| ") && !l.startsWith("| shot") && !l.startsWith("| ---"));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
    // tide is not submitted yet, so --failed would leave it behind: a plain rerun renders all that is left
    expect(md).toContain(
      "resume and render what is left (in-flight generations are polled, not paid again): storyreel render stories/harbour.yaml\n",
    );
    expect(md).toContain("the next render looks it up in the API's request logs first");
    expect(md).toContain("```text\n");
  });

  it("says so when everything is rendered, and names the error that stopped a run", () => {
    const done = githubStepSummary({
      ...INPUT,
      manifest: { ...MANIFEST, title: null, shots: [MANIFEST.shots[0]!] },
      counts: { ...INPUT.counts, total: 1, failed: 0, unknown: 0, skipped: 0, pending: 0 },
    });
    expect(done.split("\n")[0]).toBe("### storyreel: stories/harbour.yaml");
    expect(done).toContain("Every shot is rendered.");
    const stopped = githubStepSummary({
      ...INPUT,
      fatal: { code: "E_API_UNAUTHORIZED", message: "bad key" },
    });
    expect(stopped).toContain("**Stopped:** E_API_UNAUTHORIZED: bad key");
  });
});

describe("writeGithubReport", () => {
  it("appends the summary to the step summary file and prints the annotations", async () => {
    dir = await mkdtemp(join(tmpdir(), "storyreel-gh-"));
    const path = join(dir, "step_summary.md");
    await writeFile(path, "earlier step\n");
    const printed: string[] = [];
    await writeGithubReport({
      ...INPUT,
      stepSummaryPath: path,
      annotations: { write: (t) => printed.push(t) },
    });
    const text = await readFile(path, "utf8");
    expect(text.startsWith("earlier step\n### storyreel: ")).toBe(true);
    expect(text).toBe(`earlier step\n${githubStepSummary(INPUT)}`);
    expect(printed.join("")).toBe(`${githubAnnotations(INPUT).join("\n")}\n`);
  });
});

describe("simulated clips in the job summary", () => {
  it("marks a clip the simulator made, in its row and in a note under the table", () => {
    const shots = MANIFEST.shots.map((s) => (s.id === "dawn" ? { ...s, backend: "simulator" } : s));
    const md = githubStepSummary({ ...INPUT, manifest: { ...MANIFEST, shots } });
    expect(md).toContain("clips/001-dawn.mp4 (simulated)");
    expect(md).toContain("**simulated: 1 clip was made by the built-in simulator (--sim)");
    expect(githubStepSummary(INPUT)).not.toContain("simulated");
  });
});
