// Prices from the live catalogue and the balance check, before anything is paid: render against the simulator.
import { describe, expect, it } from "vitest";
import { storyboardYaml } from "../helpers/workspace.js";
import { useSimWorkspace } from "../helpers/sim-workspace.js";

const KEY = "sk-test-money-1b2c3d";
const t = useSimWorkspace({ key: KEY });

describe("money before it is spent", () => {
  it("a balance below the run's estimate refuses it (exit 2, both amounts, nothing sent) unless --ignore-balance", async () => {
    await t.start(storyboardYaml(2), { latency: 40, balanceUsd: 1 });
    const refused = await t.render();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /error: the balance is \$1\.00, below the estimated \$\d+\.\d\d \([\d,]+ credits\) of the 2 shots this run would submit: nothing was sent/,
    );
    expect(refused.stderr).toContain("--ignore-balance");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(t.submits()).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(0);

    const anyway = await t.render(["--ignore-balance"]);
    expect(anyway.code, anyway.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(2);
  });

  it("an error from the billing route is a warning, never a reason to stop", async () => {
    await t.start(storyboardYaml(1), { latency: 40 });
    t.sim.faults.add("billing", { type: "status", status: 500 }, { times: "always" });
    const run = await t.render();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain("could not check the balance before submitting");
    expect(t.sim.stats.jobsCreated).toBe(1);
  });

  it("--max-usd caps the first run of a fresh folder with the catalogue's prices", async () => {
    await t.start(storyboardYaml(3), { latency: 40 });
    // One shot's listed price is $0.84 here (the simulator's list: 0.21 USD/s × 4 s): $1 covers one shot.
    const capped = await t.render(["--max-usd", "1", "-c", "1"]);
    expect(capped.code).toBe(1);
    expect(t.sim.stats.jobsCreated).toBe(1);
    expect(capped.stdout).toMatch(/E_MAX_CREDITS/);
    expect(t.sim.requests.some((r) => r.kind === "models")).toBe(true);
    const both = await t.render(["--max-usd", "1", "--max-credits", "5"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("two caps on one budget");
  });
});

describe("the balance check under a cap", () => {
  it("a cap the balance covers lets the run go on, within the cap", async () => {
    await t.start(storyboardYaml(3), { latency: 40, balanceUsd: 1 });
    const capped = await t.render(["--max-usd", "0.9"]);
    expect(capped.code).toBe(1); // one shot fits the cap, the others are held back
    expect(capped.stderr).not.toContain("E_BALANCE_LOW");
    expect(t.sim.stats.jobsCreated).toBe(1);
  });
});
