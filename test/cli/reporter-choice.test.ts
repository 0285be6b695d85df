// Which renderer a render gets: NDJSON, nothing, the live view or plain lines, from flags, TTY and env.
import { describe, expect, it } from "vitest";
import { reporterKind } from "../../src/cli/reporter-choice.js";
import type { CliIo } from "../../src/cli/io.js";

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
});
