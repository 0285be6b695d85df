// `storyreel sim --balance --logs-delay`: the flags reach the simulator it starts (checked over real HTTP).
import { describe, expect, it } from "vitest";
import { simCommand } from "../../src/cli/commands/sim.js";
import { hasCode } from "../../src/util/errors.js";
import { AUTH, http, json } from "./helpers.js";

function capture() {
  let stdout = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
    env: {},
    isTTY: false,
    cwd: process.cwd(),
    handleSignals: false,
  };
  return { io, stdout: () => stdout };
}

describe("storyreel sim flags", () => {
  it("--balance sets GET /v2/billing's balance and --logs-delay the row delay (both listed at start)", async () => {
    const { io, stdout } = capture();
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = simCommand({ render: "fast", balance: "7.5", logsDelay: "30" }, io, until);
    try {
      for (let i = 0; i < 200 && !stdout().includes("listening on"); i++)
        await new Promise((r) => setTimeout(r, 25));
      const url = /listening on (http:\/\/\S+)/.exec(stdout())?.[1];
      expect(url).toBeDefined();
      expect(stdout()).toContain("balance $7.5");
      expect(stdout()).toContain("30000 ms after it");
      expect(json(await http(`${url}/v2/billing`, { headers: AUTH }))).toEqual({
        current_balance: 7.5,
        currency: "USD",
      });
    } finally {
      stop();
      expect(await running).toBe(0);
    }
  });

  it("refuses a negative balance or delay with a usage error naming the flag", async () => {
    for (const [flags, name] of [
      [{ balance: "-1" }, "--balance"],
      [{ logsDelay: "soon" }, "--logs-delay"],
    ] as const) {
      const { io } = capture();
      const err = await simCommand(flags, io, Promise.resolve()).catch((e: unknown) => e);
      expect(hasCode(err, "E_USAGE")).toBe(true);
      expect((err as Error).message).toContain(name);
    }
  });
});
