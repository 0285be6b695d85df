// The bench's startup scenario measures the built CLI beside a bare node, and its figures are consistent.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runStartup, STARTUP_COMMANDS } from "../../bench/startup.js";
import { checkTargets, STARTUP_TARGET_MS } from "../../bench/targets.js";
import { systemClock } from "../../src/util/clock.js";
import { distIsFresh, ROOT } from "../helpers/dist.js";

const fresh = await distIsFresh(join(ROOT, "dist", "cli", "bin.js"));

describe.skipIf(!fresh)("bench startup scenario (needs a fresh dist/: npm run build)", () => {
  it("times every command and a bare node, and checks each against the target", async () => {
    const result = await runStartup({ runs: 1, clock: systemClock });
    expect(result.bareNodeMs).toBeGreaterThan(0);
    expect(result.commands.map((c) => c.name)).toEqual(STARTUP_COMMANDS.map((c) => c.name));
    for (const c of result.commands) {
      expect(c.medianMs).toBeGreaterThan(0);
      expect(c.overheadMs).toBeCloseTo(c.medianMs - result.bareNodeMs, 6);
      expect(c.overBareNode).toBeCloseTo(c.medianMs / result.bareNodeMs, 6);
    }
    const checks = checkTargets({ startup: result });
    expect(checks).toHaveLength(STARTUP_COMMANDS.length);
    for (const [i, check] of checks.entries()) {
      expect(check.pass).toBe((result.commands[i]?.medianMs ?? Infinity) < STARTUP_TARGET_MS);
    }
  });
});
