// Every command documents itself: examples and exit codes in its --help, the exit-code table as in the README.
import { describe, expect, it } from "vitest";
import { Command } from "commander";
import { COMMANDS } from "../../src/cli/command-list.js";
import { runMain } from "../stitch/cli-io.js";

function commandNames(): string[] {
  const program = new Command("storyreel");
  const ctx = {
    io: {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: {},
      isTTY: false,
      cwd: ".",
      handleSignals: false,
    },
    setExitCode: () => undefined,
  };
  for (const register of COMMANDS) register(program, ctx);
  return program.commands.map((c) => c.name());
}

describe("--help", () => {
  const names = commandNames();

  it("knows every command", () => {
    expect(names).toEqual([
      "render",
      "validate",
      "plan",
      "status",
      "models",
      "sim",
      "stitch",
      "report",
      "merge",
      "init",
      "cache",
    ]);
  });

  it.each(names)("%s --help lists Examples and Exit codes", async (name) => {
    const { code, stdout } = await runMain([name, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: storyreel ${name} `);
    expect(stdout).toMatch(/^Examples:$/m);
    expect(stdout).toMatch(/^\s*storyreel /m);
    expect(stdout).toMatch(/^Exit codes/m);
  });

  it("storyreel --help has examples and render's exit codes", async () => {
    const { code, stdout } = await runMain(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Examples:$/m);
    expect(stdout).toContain("storyreel render examples/storyboards/harbour.yaml --sim");
    expect(stdout).toMatch(/^Exit codes/m);
    expect(stdout).toMatch(/^ {2}130 {2}interrupted \(Ctrl-C \/ SIGTERM\), the same command resumes$/m);
  });

  it("render's exit codes: unknown and skipped under 1, the folder in use under 2", async () => {
    const { stdout } = await runMain(["render", "--help"]);
    const text = stdout.replace(/\n {7}/g, " ");
    expect(text).toMatch(/^ {2}0 {4}every selected shot completed \(or was already up to date\)$/m);
    expect(text).toMatch(/^ {2}1 {4}at least one shot failed, is unknown, was skipped or is unfinished/m);
    expect(text).toMatch(
      /^ {2}2 {4}invalid storyboard, usage or configuration, the output folder is in use, or the API refused the key or credits \(401\/403\)$/m,
    );
    expect(text).toMatch(/^ {2}130 {2}interrupted \(Ctrl-C \/ SIGTERM\), the same command resumes$/m);
  });

  it("render --help shows numeric defaults as numbers, not quoted strings", async () => {
    const { stdout } = await runMain(["render", "--help"]);
    const text = stdout.replace(/\n {20,}/g, " "); // wrapped descriptions joined, whatever the column

    expect(text).toContain("generations in flight at most (default: 4)");
    expect(text).toContain("(fractions allowed) (default: 2)");
    expect(text).toContain("fail a shot still unfinished after this long (default: 1200)");
    expect(text).not.toMatch(/\(default: "\d/);
  });
});
