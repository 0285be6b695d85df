// Which renderer a render gets: NDJSON, nothing, the live view or plain lines, from flags, TTY and env.
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { reporterKind } from "../../src/cli/reporter-choice.js";
import type { CliIo } from "../../src/cli/io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import { withCacheOff } from "../helpers/cache-env.js";

function io(isTTY: boolean, env: Record<string, string | undefined> = {}): CliIo {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env,
    isTTY,
    cwd: "/",
    handleSignals: false,
  };
}

describe("reporterKind", () => {
  it("--json wins over everything, then --quiet", () => {
    expect(reporterKind({ io: io(true), json: true, quiet: true })).toBe("json");
    expect(reporterKind({ io: io(false), json: true, quiet: false })).toBe("json");
    expect(reporterKind({ io: io(true), json: false, quiet: true })).toBe("quiet");
  });

  it("is live on an interactive terminal, plain without one, in CI or on a dumb terminal", () => {
    const flags = { json: false, quiet: false };
    expect(reporterKind({ io: io(true, { TERM: "xterm" }), ...flags })).toBe("live");
    expect(reporterKind({ io: io(false, { TERM: "xterm" }), ...flags })).toBe("plain");
    expect(reporterKind({ io: io(true, { CI: "true" }), ...flags })).toBe("plain");
    expect(reporterKind({ io: io(true, { CI: "1" }), ...flags })).toBe("plain");
    expect(reporterKind({ io: io(true, { TERM: "dumb" }), ...flags })).toBe("plain");
  });

  it("is plain on a terminal that reports 0 columns or rows (some CI runners and containers)", () => {
    const flags = { json: false, quiet: false };
    const sized = (columns: number, rows: number): CliIo => ({
      ...io(true, { TERM: "xterm" }),
      stderr: { write: () => true, isTTY: true, columns, rows } as CliIo["stderr"],
    });
    expect(reporterKind({ io: sized(0, 0), ...flags })).toBe("plain");
    expect(reporterKind({ io: sized(120, 0), ...flags })).toBe("plain");
    expect(reporterKind({ io: sized(120, 40), ...flags })).toBe("live");
  });

  it("a render on a 0x0 terminal prints its lines and the final one, and no terminal codes", async () => {
    const ws = await makeWorkspace(storyboardYaml(2));
    try {
      let stderr = "";
      const stream = { isTTY: true, columns: 0, rows: 0, write: (text: string) => (stderr += text) };
      const code = await main(
        ["render", "story.yaml", "--sim", "--sim-latency", "0.05", "--poll-interval", "0.05"],
        {
          stdout: { write: () => true },
          stderr: stream,
          env: withCacheOff({ TERM: "xterm-256color" }),
          isTTY: true,
          cwd: ws.dir,
          handleSignals: false,
        },
      );
      expect(code).toBe(0);
      expect(stderr).toBe(stripVTControlCharacters(stderr));
      const lines = stderr.trimEnd().split("\n");
      expect(lines.length).toBeGreaterThan(4);
      expect(lines.at(-1)).toMatch(/^\d\d:\d\d:\d\d\.\d{3} {2}finished after .*: 2 completed/);
    } finally {
      await ws.cleanup();
    }
  }, 60_000);
});
