// The live reporter on a (fake) terminal stream: draws only there, tears down synchronously, falls back to plain.
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { canDrawLive, createLiveReporter } from "../../src/views/index.js";
import type { LiveStream } from "../../src/views/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";
import { zeroCounts } from "../../src/scheduler/index.js";

class FakeTerminal implements LiveStream {
  isTTY: boolean;
  columns: number;
  rows: number;
  chunks: string[] = [];

  constructor(options: { isTTY: boolean; columns?: number; rows?: number }) {
    this.isTTY = options.isTTY;
    this.columns = options.columns ?? 100;
    this.rows = options.rows ?? 30;
  }

  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }

  get text(): string {
    return this.chunks.join("");
  }
}

const START: RunEvent = {
  type: "run_started",
  t: 0,
  at: "2026-01-01T00:00:00.000Z",
  total: 3,
  toSubmit: 3,
  toResume: 0,
  upToDate: 0,
  excluded: 0,
  concurrency: 2,
};

const RUN: RunEvent[] = [
  START,
  { type: "shot_submitted", t: 10, id: "harbour", index: 0, generation_id: "g1", resumed: false },
  { type: "shot_submitted", t: 12, id: "lighthouse", index: 1, generation_id: "g2", resumed: false },
  { type: "shot_status", t: 900, id: "harbour", index: 0, status: "generating", polls: 2, elapsed_ms: 890 },
];

const FINISHED: RunEvent = {
  type: "run_finished",
  t: 5000,
  at: "2026-01-01T00:00:05.000Z",
  elapsed_ms: 5000,
  counts: { ...zeroCounts(3), completed: 3 },
  credits_used: 30,
  interrupted: false,
  fatal: null,
};

const TTY_ENV = { TERM: "xterm-256color" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await sleep(10);
  expect(condition()).toBe(true);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("choosing the live view", () => {
  it("draws live only on a terminal, outside CI, with a capable TERM", () => {
    expect(canDrawLive({ isTTY: true, env: TTY_ENV })).toBe(true);
    expect(canDrawLive({ isTTY: false, env: TTY_ENV })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: { ...TTY_ENV, CI: "true" } })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: { ...TTY_ENV, CI: "1" } })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: { TERM: "dumb" } })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: { ...TTY_ENV, CI: "false" } })).toBe(true);
  });

  it("stays off a terminal that reports 0 columns or rows (some CI runners and containers)", () => {
    expect(canDrawLive({ isTTY: true, env: TTY_ENV, columns: 0, rows: 0 })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: TTY_ENV, columns: 80, rows: 0 })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: TTY_ENV, columns: 0, rows: 24 })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: TTY_ENV, columns: Number.NaN, rows: 24 })).toBe(false);
    expect(canDrawLive({ isTTY: true, env: TTY_ENV, columns: 80, rows: 24 })).toBe(true);
    expect(canDrawLive({ isTTY: true, env: TTY_ENV })).toBe(true); // size unknown: allowed
  });

  it.each([
    ["not a terminal", false, TTY_ENV, 100],
    ["CI=true", true, { ...TTY_ENV, CI: "true" }, 100],
    ["TERM=dumb", true, { TERM: "dumb" }, 100],
    ["a 0x0 terminal", true, TTY_ENV, 0],
  ])("falls back to plain timestamped lines without ANSI codes (%s)", (_name, isTTY, env, size) => {
    const out = new FakeTerminal({ isTTY, columns: size, rows: size });
    const reporter = createLiveReporter({ out, env });
    for (const event of [...RUN, FINISHED]) reporter.onEvent(event);
    reporter.close();
    const lines = out.text.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} {2}\S/);
    expect(out.text).toBe(stripVTControlCharacters(out.text));
    expect(lines[4]).toContain("finished after 5.0 s: 3 completed; 30 credits used");
  });
});

describe("plain lines", () => {
  it('count polls in the singular for one ("1 poll"), in the plural otherwise', () => {
    const out = new FakeTerminal({ isTTY: false });
    const reporter = createLiveReporter({ out, env: TTY_ENV });
    const done = (id: string, index: number, polls: number): RunEvent => ({
      type: "shot_completed",
      t: 2000,
      id,
      index,
      generation_id: `g${index}`,
      clip: `clips/00${index + 1}-${id}.mp4`,
      bytes: 2048,
      polls,
      elapsed_ms: 2000,
      credits_used: null,
      warnings: [],
    });
    for (const event of [
      START,
      {
        type: "shot_status",
        t: 900,
        id: "harbour",
        index: 0,
        status: "generating",
        polls: 1,
        elapsed_ms: 890,
      },
      done("harbour", 0, 1),
      done("lighthouse", 1, 2),
    ] as RunEvent[])
      reporter.onEvent(event);
    reporter.close();
    expect(out.text).toContain("harbour  generating  (1 poll, 0.9 s)");
    expect(out.text).toContain("harbour  completed  clips/001-harbour.mp4 (2.0 KB, 1 poll, 2.0 s)");
    expect(out.text).toContain("lighthouse  completed  clips/002-lighthouse.mp4 (2.0 KB, 2 polls, 2.0 s)");
  });
});

describe("live view on a terminal", () => {
  it("draws the summary and in-flight shots on its stream only, then leaves just the final line", async () => {
    const stdoutWrite = vi.spyOn(process.stdout, "write");
    const out = new FakeTerminal({ isTTY: true });
    let now = 1000;
    const reporter = createLiveReporter({ out, env: TTY_ENV, clock: { now: () => now }, tickMs: 20 });
    for (const event of RUN) reporter.onEvent(event);
    now += 1000;
    await until(() => stripVTControlCharacters(out.text).includes("lighthouse"));
    const drawn = stripVTControlCharacters(out.text);
    expect(drawn).toContain("0 of 3 done · 0 failed · 2 in flight · 1 queued");
    expect(drawn).toMatch(/harbour\s+generating/);
    expect(drawn).toContain("credits");
    // the clock moves and the view ticks without new events
    now += 11_000;
    await until(() => stripVTControlCharacters(out.text).includes("12 s"));

    reporter.onEvent(FINISHED);
    reporter.close();
    const final = "finished after 5.0 s: 3 completed; 30 credits used\n";
    expect(out.text.endsWith(final)).toBe(true);
    out.write("after\n"); // listr2 gave the stream back: writes go straight through again
    expect(out.chunks.at(-1)).toBe("after\n");
    expect(stdoutWrite).not.toHaveBeenCalled();

    // nothing is drawn after close (listr2 would redraw when its task settles)
    const length = out.chunks.length;
    await sleep(250);
    expect(stripVTControlCharacters(out.chunks.slice(length).join(""))).toBe("");
    reporter.close(); // idempotent
    expect(stripVTControlCharacters(out.chunks.slice(length).join(""))).toBe("");
  });

  it("holds back other writes to the stream while live and prints them after the region is erased", async () => {
    const out = new FakeTerminal({ isTTY: true });
    const reporter = createLiveReporter({ out, env: TTY_ENV, tickMs: 20 });
    for (const event of RUN) reporter.onEvent(event);
    await until(() => stripVTControlCharacters(out.text).includes("lighthouse"));
    out.write("SIGINT: stopping\n"); // e.g. the CLI's signal handler, mid-run
    expect(stripVTControlCharacters(out.text)).not.toContain("SIGINT");
    reporter.onEvent({ ...FINISHED, interrupted: true });
    reporter.close();
    const text = stripVTControlCharacters(out.text);
    expect(text).toContain("SIGINT: stopping\n");
    expect(text.endsWith("interrupted after 5.0 s: 3 completed; 30 credits used\n")).toBe(true);
  });

  it("can be closed before listr2 has drawn anything, and then never draws", async () => {
    const out = new FakeTerminal({ isTTY: true });
    const reporter = createLiveReporter({ out, env: TTY_ENV });
    reporter.onEvent(START);
    reporter.onEvent(FINISHED);
    reporter.close();
    expect(stripVTControlCharacters(out.text)).toBe("finished after 5.0 s: 3 completed; 30 credits used\n");
    await sleep(250);
    expect(stripVTControlCharacters(out.text)).toBe("finished after 5.0 s: 3 completed; 30 credits used\n");
  });

  it("writes nothing when closed before the run started (e.g. an invalid storyboard)", async () => {
    const out = new FakeTerminal({ isTTY: true });
    const reporter = createLiveReporter({ out, env: TTY_ENV });
    reporter.close();
    await sleep(50);
    expect(out.text).toBe("");
  });
});
