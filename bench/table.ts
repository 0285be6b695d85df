// Markdown tables of the results (pasteable into the README): scheduling, scale, targets.
import type { BaselineResult } from "./baseline.js";
import { chainTable } from "./chain-table.js";
import { count, fixed2, kib, mb, millis, pct, range, ratio, seconds, size } from "./format.js";
import type { MachineInfo } from "./machine.js";
import type { Revision } from "./revision.js";
import type { ScenarioResult } from "./scenario.js";
import type { StartupResult } from "./startup.js";
import type { BenchResults, TargetCheck } from "./targets.js";
import { bytesPerShot } from "./targets.js";

type Column = { title: string; cells: Map<string, string> };

export function renderReport(input: {
  timestamp: string;
  machine: MachineInfo;
  revision: Revision;
  results: BenchResults;
  checks: readonly TargetCheck[];
}): string {
  const { machine, results, revision } = input;
  const dirty = revision.dirtySrcFiles;
  const parts = [
    `## storyreel bench — ${input.timestamp}`,
    "",
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${(machine.ramBytes / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `Node ${machine.node}, ${machine.os}; load average ${machine.loadAverage.map((n) => n.toFixed(2)).join(" ")} at the start.`,
    `Code: commit ${revision.commit}` +
      (dirty.length === 0 ? "." : ` plus uncommitted changes in ${dirty.join(", ")}.`),
  ];
  const scheduling = [
    results.a && scenarioColumn(`A`, results.a),
    results.b &&
      scenarioColumn(`B (${results.b.params.rateLimit?.requestsPerSecond ?? "?"} req/s limit)`, results.b),
    results.baseline && baselineColumn(results.baseline),
  ].filter((c): c is Column => Boolean(c));
  if (scheduling.length > 0)
    parts.push("", "### Scheduling", "", table(SCHEDULING_ROWS, scheduling), "", ...SCHEDULING_NOTES);
  if (results.chain) parts.push("", "### Chains", "", ...chainTable(results.chain));
  if (results.scale && results.scale.length > 0) {
    parts.push("", "### Scale", "", table(SCALE_ROWS, results.scale.map(scaleColumn)), "", ...SCALE_NOTES);
  }
  if (results.startup) parts.push("", "### Startup", "", ...startupTable(results.startup));
  if (input.checks.length > 0) parts.push("", "### Targets", "", targetTable(input.checks));
  return `${parts.join("\n")}\n`;
}

const SCHEDULING_ROWS = [
  "setup",
  "makespan",
  "ideal",
  "makespan / ideal",
  "slot utilisation",
  "polls per shot: mean / p95",
  "polls per shot: first wave / rest",
  "first poll at (share of generation time), p50",
  "planner's learned times at the end: q25 / max",
  "detection latency p50 / p95",
  "… of which before the poll arrived, p50",
  "API requests (submit + poll)",
  "answered 429",
  "API requests/s accepted: mean / busiest second",
  "downloads",
  "max generations in flight",
  "CPU: orchestrator / simulator",
];

const SCHEDULING_NOTES = [
  "- ideal: the greedy list schedule of the simulator's actual generation times, in storyboard order, on the same number of slots, with zero overhead; under a rate limit, at least max(that, 2 requests per shot at the limit).",
  "- detection latency: the moment the scheduler's poll answer arrived (runPlan's per-shot `detectedMs`, mapped onto the simulator's clock) minus the job's completion on the simulator (`readyAt`), as a share of that job's generation time; \"before the poll arrived\" is the simulator's first `completed` answer minus `readyAt` (the rest is transport and client).",
  "- polls: poll answers the scheduler counted per shot; first wave = the first `concurrency` shots, submitted before any generation had finished (cold planner).",
];

const SCALE_ROWS = [
  "setup",
  "storyboard",
  "parse + validate (loadStoryboard, cold process)",
  "makespan / ideal",
  "orchestrator CPU (run)",
  "simulator CPU",
  "peak RSS of the orchestrator process",
  "… peak JS heap used / off-heap (external)",
  "manifest bytes written",
  "manifest bytes per shot",
  "manifest write rate (bytes ÷ makespan)",
  "polls per shot: mean",
  "API requests / downloads",
  "max generations in flight",
];

const SCALE_NOTES = [
  "- The orchestrator runs alone in a plain `node` child process (src compiled to JS, no tsx loader), the simulator in another; CPU is process.cpuUsage() over runPlan + the final manifest write, peak RSS is getrusage's maxRSS of that process.",
  "- Generations are deliberately short here, so makespan / ideal measures orchestrator throughput, not a target.",
  "- Manifest bytes: every change is a journal line; the snapshot is rewritten when the journal has outgrown it, and to catch up with new paid ids at most once per max(1 s, 20 × its write time, its size at 256 KiB/s), so the total grows with the number of changes and the run time, not with shots × changes.",
];

function scenarioColumn(title: string, r: ScenarioResult): Column {
  const f = r.figures;
  const p = r.params;
  const idealText =
    f.rateBoundMs > 0
      ? `${seconds(f.idealMs)} = max(greedy ${seconds(f.greedyMs)}, rate bound ${seconds(f.rateBoundMs)})`
      : `${seconds(f.idealMs)} (greedy, ${p.concurrency} slots)`;
  return {
    title,
    cells: new Map([
      [
        "setup",
        `${count(p.shots)} shots, ${p.concurrency} slots, generations ${range(p.latency)} (seed ${p.seed}), poll interval ≥ ${p.pollIntervalMs / 1000} s`,
      ],
      ["makespan", seconds(f.makespanMs)],
      ["ideal", idealText],
      ["makespan / ideal", ratio(f.makespanOverIdeal)],
      ["slot utilisation", pct(f.slotUtilisation)],
      ["polls per shot: mean / p95", `${fixed2(f.pollsPerShot.mean)} / ${fixed2(f.pollsPerShot.p95)}`],
      ["polls per shot: first wave / rest", `${fixed2(f.pollsColdMean)} / ${fixed2(f.pollsWarmMean)}`],
      ["first poll at (share of generation time), p50", pct(f.firstPollFraction.p50)],
      ["planner's learned times at the end: q25 / max", learnedText(r)],
      [
        "detection latency p50 / p95",
        `${pct(f.detectionFraction.p50)} / ${pct(f.detectionFraction.p95)} (${millis(f.detectionMs.p50)} / ${millis(f.detectionMs.p95)})`,
      ],
      ["… of which before the poll arrived, p50", millis(f.pollWaitMs.p50)],
      [
        "API requests (submit + poll)",
        `${count(f.requests.api)} (${count(f.requests.submit)} + ${count(f.requests.poll)})`,
      ],
      ["answered 429", `${count(f.rateLimited)} (${pct(f.rateLimitedShare)} of API requests)`],
      [
        "API requests/s accepted: mean / busiest second",
        `${f.acceptedPerSecond.mean.toFixed(1)} / ${f.acceptedPerSecond.peak}`,
      ],
      ["downloads", count(f.requests.download)],
      ["max generations in flight", String(f.maxInFlight)],
      [
        "CPU: orchestrator / simulator",
        `${seconds(r.run.runCpuMs)} / ${r.simCpuMs === null ? "—" : seconds(r.simCpuMs)}`,
      ],
    ]),
  };
}

function learnedText(r: ScenarioResult): string {
  const f = r.figures;
  const actual = `(actual ${seconds(f.generationMs.min)}–${seconds(f.generationMs.max)})`;
  const models = Object.entries(r.run.learned);
  if (models.length === 0) return "—";
  return models
    .map(([, l]) => `${seconds(l.q25)} / ${seconds(l.max)} of ${l.count} samples`)
    .concat(actual)
    .join(" ");
}

function baselineColumn(r: BaselineResult): Column {
  const f = r.sample;
  const p = r.params;
  return {
    title: `Baseline: seed loop (${p.sampleShots}-shot real sample, extrapolated)`,
    cells: new Map([
      [
        "setup",
        `${p.sampleShots} shots one at a time, generations ${range(p.latency)} (seed ${p.seed}), poll at once then every ${fixed2(p.pollIntervalMs / 1000)} s`,
      ],
      [
        "makespan",
        `${seconds(f.makespanMs)} for ${p.sampleShots} shots = ${seconds(r.makespanPerShotMs)}/shot → ${seconds(r.extrapolatedMakespanMs)} for ${count(p.extrapolateTo)} shots (extrapolated)`,
      ],
      [
        "ideal",
        `${seconds(r.extrapolatedIdealMs)} (the sample's times repeated to ${count(p.extrapolateTo)} shots, greedy, ${p.slots} slots); own 1-slot ideal ${seconds(f.idealMs)}`,
      ],
      [
        "makespan / ideal",
        `${ratio(r.extrapolatedOverIdeal)} (extrapolated, vs ${p.slots} slots); ${ratio(f.makespanOverIdeal)} vs its own 1-slot ideal`,
      ],
      ["slot utilisation", `${pct(f.slotUtilisation)} of its 1 slot`],
      ["polls per shot: mean / p95", `${fixed2(f.pollsPerShot.mean)} / ${fixed2(f.pollsPerShot.p95)}`],
      ["polls per shot: first wave / rest", "—"],
      ["first poll at (share of generation time), p50", pct(f.firstPollFraction.p50)],
      [
        "detection latency p50 / p95",
        `${pct(f.detectionFraction.p50)} / ${pct(f.detectionFraction.p95)} (${millis(f.detectionMs.p50)} / ${millis(f.detectionMs.p95)})`,
      ],
      ["… of which before the poll arrived, p50", millis(f.pollWaitMs.p50)],
      [
        "API requests (submit + poll)",
        `${count(f.requests.api)} (${count(f.requests.submit)} + ${count(f.requests.poll)})`,
      ],
      ["answered 429", count(f.rateLimited)],
      ["downloads", count(f.requests.download)],
      ["max generations in flight", String(f.maxInFlight)],
      ["CPU: orchestrator / simulator", "—"],
    ]),
  };
}

function scaleColumn(r: ScenarioResult): Column {
  const f = r.figures;
  const p = r.params;
  const m = r.run.manifest;
  const rss = r.run.processMaxRssBytes ?? r.run.memory.rssBytes;
  return {
    title: `${count(p.shots)} shots`,
    cells: new Map([
      [
        "setup",
        `${p.mix}, ${p.concurrency} slots, generations ${range(p.latency)}, poll interval ≥ ${p.pollIntervalMs / 1000} s`,
      ],
      ["storyboard", size(r.storyboardBytes)],
      ["parse + validate (loadStoryboard, cold process)", millis(r.run.loadMs)],
      [
        "makespan / ideal",
        `${seconds(f.makespanMs)} / ${seconds(f.idealMs)} = ${fixed2(f.makespanOverIdeal)}`,
      ],
      ["orchestrator CPU (run)", `${seconds(r.run.runCpuMs)} (${fixed2(r.run.runCpuMs / p.shots)} ms/shot)`],
      ["simulator CPU", r.simCpuMs === null ? "—" : seconds(r.simCpuMs)],
      ["peak RSS of the orchestrator process", mb(rss)],
      [
        "… peak JS heap used / off-heap (external)",
        `${mb(r.run.memory.heapUsedBytes)} / ${mb(r.run.memory.externalBytes)}`,
      ],
      [
        "manifest bytes written",
        `${size(m.snapshotBytes + m.journalBytes)} (${m.snapshots} snapshots, journal ${size(m.journalBytes)})`,
      ],
      ["manifest bytes per shot", kib(bytesPerShot(r))],
      [
        "manifest write rate (bytes ÷ makespan)",
        `${mb(((m.snapshotBytes + m.journalBytes) / f.makespanMs) * 1000)}/s`,
      ],
      ["polls per shot: mean", fixed2(f.pollsPerShot.mean)],
      ["API requests / downloads", `${count(f.requests.api)} / ${count(f.requests.download)}`],
      ["max generations in flight", String(f.maxInFlight)],
    ]),
  };
}

function targetTable(checks: readonly TargetCheck[]): string {
  const rows = checks.map(
    (c) =>
      `| ${c.scenario} | ${c.figure} | ${cell(c.value)} | ${c.target} | ${c.pass ? "PASS" : "**FAIL**"} |`,
  );
  return ["| scenario | figure | value | target | result |", "| --- | --- | --- | --- | --- |", ...rows].join(
    "\n",
  );
}

function table(rows: readonly string[], columns: readonly Column[]): string {
  const head = `| figure | ${columns.map((c) => c.title).join(" | ")} |`;
  const rule = `| --- | ${columns.map(() => "---").join(" | ")} |`;
  const body = rows.map(
    (row) => `| ${row} | ${columns.map((c) => cell(c.cells.get(row) ?? "—")).join(" | ")} |`,
  );
  return [head, rule, ...body].join("\n");
}

/** A Markdown table cell: no pipes or line breaks from messages. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function startupTable(r: StartupResult): string[] {
  return [
    "| command | median | over bare `node -e 0` | storyreel's own share |",
    "| --- | --- | --- | --- |",
    ...r.commands.map(
      (c) =>
        `| \`storyreel ${c.name}\` | ${millis(c.medianMs)} | ${fixed2(c.overBareNode)}× | ${millis(c.overheadMs)} |`,
    ),
    "",
    `Medians of ${r.runs} runs each of the built CLI (dist/), interleaved with a bare \`node -e 0\` (${millis(r.bareNodeMs)} in this run), so load on the machine weighs on all alike.`,
  ];
}
