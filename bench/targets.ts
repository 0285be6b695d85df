// The issue's targets as data, each checked against a figure: PASS/FAIL with the value shown beside it.
import type { BaselineResult } from "./baseline.js";
import { count, fixed2 as num, kib, mb, millis, pct, ratio, seconds } from "./format.js";
import type { ScenarioResult } from "./scenario.js";
import type { StartupResult } from "./startup.js";

export interface TargetCheck {
  scenario: string;
  figure: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface BenchResults {
  a?: ScenarioResult;
  b?: ScenarioResult;
  baseline?: BaselineResult;
  chain?: ScenarioResult;
  scale?: ScenarioResult[];
  startup?: StartupResult;
}

/** Issue 14: a command that needs little should start in well under a fifth of a second. */
export const STARTUP_TARGET_MS = 150;

/**
 * Chains: A's 5% plus what every link adds on the critical path and in its slot — seeing the upstream finish
 * (detection ~5% of a generation), download and verify, one frame extraction (~0.1–0.2 s of ffmpeg, ~5%), the
 * submission — compounded along the last chains to finish; B's rate-limited bound is 1.3.
 */
export const CHAIN_TARGET_RATIO = 1.25;

/** Linear manifest growth: bytes per shot at the largest size within this factor of the smallest size's. */
export const MANIFEST_PER_SHOT_GROWTH_LIMIT = 1.5;

export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { a, b, scale } = results;
  if (a) {
    const f = a.figures;
    checks.push(
      check("A", "makespan / ideal", ratio(f.makespanOverIdeal), "≤ 1.05", f.makespanOverIdeal <= 1.05),
      check("A", "polls per shot (mean)", num(f.pollsPerShot.mean), "≤ 3", f.pollsPerShot.mean <= 3),
      check(
        "A",
        "detection latency p50 (of generation time)",
        pct(f.detectionFraction.p50),
        "≤ 10%",
        f.detectionFraction.p50 <= 0.1,
      ),
      completedCheck("A", a),
    );
  }
  if (b) {
    const f = b.figures;
    checks.push(
      check("B", "makespan / ideal", ratio(f.makespanOverIdeal), "≤ 1.3", f.makespanOverIdeal <= 1.3),
      check("B", "requests answered 429", pct(f.rateLimitedShare), "< 5%", f.rateLimitedShare < 0.05),
      completedCheck("B", b),
    );
  }
  const chain = results.chain?.chain;
  if (results.chain && chain) {
    checks.push(
      check(
        "chain",
        "makespan / ideal (respecting dependencies)",
        `${ratio(chain.makespanOverIdeal)} (extraction ${millis(chain.extractionMs.p50)}/frame p50, ${seconds(chain.extractionMs.total)} total)`,
        `≤ ${CHAIN_TARGET_RATIO}`,
        chain.makespanOverIdeal <= CHAIN_TARGET_RATIO,
      ),
      completedCheck("chain", results.chain),
    );
  }
  for (const command of results.startup?.commands ?? []) {
    checks.push(
      check(
        "startup",
        `${command.name} (median)`,
        millis(command.medianMs),
        `< ${STARTUP_TARGET_MS} ms`,
        command.medianMs < STARTUP_TARGET_MS,
      ),
    );
  }
  const largest = scale?.reduce<ScenarioResult | undefined>(
    (max, s) => (max === undefined || s.params.shots > max.params.shots ? s : max),
    undefined,
  );
  const smallest = scale?.reduce<ScenarioResult | undefined>(
    (min, s) => (min === undefined || s.params.shots < min.params.shots ? s : min),
    undefined,
  );
  if (largest) {
    const name = `scale ${count(largest.params.shots)}`;
    const rss = largest.run.processMaxRssBytes ?? largest.run.memory.rssBytes;
    checks.push(
      check(
        name,
        "parse + validate (loadStoryboard)",
        millis(largest.run.loadMs),
        "< 2 s",
        largest.run.loadMs < 2000,
      ),
      check(name, "peak RSS of the orchestrator", mb(rss), "< 150 MB", rss < 150 * 1e6),
      completedCheck(name, largest),
    );
    if (smallest && smallest !== largest) {
      const growth = bytesPerShot(largest) / bytesPerShot(smallest);
      checks.push(
        check(
          name,
          `manifest bytes per shot vs ${count(smallest.params.shots)} shots`,
          `${kib(bytesPerShot(largest))} vs ${kib(bytesPerShot(smallest))} (×${growth.toFixed(2)})`,
          `roughly constant (× ≤ ${MANIFEST_PER_SHOT_GROWTH_LIMIT})`,
          growth <= MANIFEST_PER_SHOT_GROWTH_LIMIT,
        ),
      );
    }
  }
  return checks;
}

export function bytesPerShot(result: ScenarioResult): number {
  const m = result.run.manifest;
  return (m.snapshotBytes + m.journalBytes) / result.params.shots;
}

function completedCheck(scenario: string, result: ScenarioResult): TargetCheck {
  const { completed, shots } = result.figures;
  const why = Object.entries(result.run.failures)
    .map(([code, f]) => `${code} ×${f.count}, e.g. ${f.example}`)
    .join("; ");
  return check(
    scenario,
    "shots completed",
    `${completed} / ${shots}${why === "" ? "" : ` (${why})`}`,
    "all",
    completed === shots && result.run.failedShots === 0,
  );
}

function check(scenario: string, figure: string, value: string, target: string, pass: boolean): TargetCheck {
  return { scenario, figure, value, target, pass };
}
