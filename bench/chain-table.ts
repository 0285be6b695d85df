// The chain scenario's Markdown table: makespan against the dependency-respecting ideal, and frame extraction cost.
import { count, fixed2, millis, pct, range, ratio, seconds } from "./format.js";
import type { ScenarioResult } from "./scenario.js";

export const CHAIN_NOTES = [
  "- ideal: the greedy list schedule of the simulator's actual generation times on the same slots, a shot starting only once the shot it takes a frame from has ended (ready shots longest chain first, as the dependency gate orders them), with zero overhead — no detection, download, extraction or submission time; never below the longest chain.",
  "- extraction: `clipFrame` (ffmpeg decodes the upstream clip's last frame to PNG, read back and hashed) per chained shot, timed in the bench's `prepare`, which the scheduler awaits inside the shot's generation slot. The fast simulator serves one identical tiny clip, so frames are cached per upstream shot rather than per clip hash (the product's cache would extract once and reuse it); every dependent pays for a real extraction, as with real clips, which are larger (more to decode).",
  "- Each link of a chain adds the time to see its upstream finish (poll), download and verify its clip, extract the frame and submit: makespan − ideal is mostly that, times the links of the last chains to finish.",
];

export function chainTable(r: ScenarioResult): string[] {
  const c = r.chain;
  if (!c) return [];
  const f = r.figures;
  const p = r.params;
  const rows: [string, string][] = [
    [
      "setup",
      `${c.chains} chains × ${c.length} shots (${count(p.shots)}), each dependent on the previous shot's last frame; ${p.concurrency} slots, generations ${range(p.latency)} (seed ${p.seed}), poll interval ≥ ${p.pollIntervalMs / 1000} s`,
    ],
    ["makespan", seconds(f.makespanMs)],
    [
      "ideal",
      `${seconds(c.idealMs)} = max(greedy respecting dependencies ${seconds(c.greedyChainMs)}, longest chain ${seconds(c.longestChainMs)})`,
    ],
    ["makespan / ideal", ratio(c.makespanOverIdeal)],
    [
      "frame extraction: frames / total / most at once",
      `${count(c.extractionMs.count)} / ${seconds(c.extractionMs.total)} / ${c.extractionsAtOnce}`,
    ],
    [
      "frame extraction per frame: mean / p50 / p95 / max",
      `${millis(c.extractionMs.mean)} / ${millis(c.extractionMs.p50)} / ${millis(c.extractionMs.p95)} / ${millis(c.extractionMs.max)}`,
    ],
    [
      "prepare (in the slot) per shot: p50 / p95; share of slot capacity",
      `${millis(c.prepareMs.p50)} / ${millis(c.prepareMs.p95)}; ${pct(c.prepareSlotShare)}`,
    ],
    ["slot utilisation (generating)", pct(f.slotUtilisation)],
    ["detection latency p50 / p95", `${millis(f.detectionMs.p50)} / ${millis(f.detectionMs.p95)}`],
    ["polls per shot: mean", fixed2(f.pollsPerShot.mean)],
    ["max generations in flight", String(f.maxInFlight)],
    [
      "CPU: orchestrator / simulator (ffmpeg children not counted)",
      `${seconds(r.run.runCpuMs)} / ${r.simCpuMs === null ? "—" : seconds(r.simCpuMs)}`,
    ],
  ];
  return [
    "| figure | chain |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| ${name} | ${value.replace(/\|/g, "\\|")} |`),
    "",
    ...CHAIN_NOTES,
  ];
}
