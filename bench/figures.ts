// Turns one storyreel run plus the simulator's job timings into the bench's figures (pure).
import { greedyMakespan, rateBoundMs } from "./ideal-schedule.js";
import type { SimSnapshot } from "./sim-protocol.js";
import { mean, summarize } from "./stats.js";
import type { Summary } from "./stats.js";

/** What figures need from a run (a subset of StoryreelRun, so the baseline loop can provide it too). */
export interface RunRecord {
  shotIds: readonly string[];
  generationIds: ReadonlyMap<string, string>;
  /** Run start on the bench clock; per-shot times below are relative to it. */
  startedAt: number;
  elapsedMs: number;
  shots: ReadonlyMap<string, { submittedMs: number; detectedMs: number | null; polls: number }>;
}

export interface RunFigures {
  shots: number;
  completed: number;
  slots: number;
  makespanMs: number;
  /** Greedy list schedule of the simulator's generation times, in storyboard order, on `slots`, no overhead. */
  greedyMs: number;
  /** 2 requests per shot at the simulator's rate limit (0 without one). */
  rateBoundMs: number;
  idealMs: number;
  makespanOverIdeal: number;
  /** Generation time ÷ (slots × makespan): how busy the slots were with actual generating. */
  slotUtilisation: number;
  generationMs: Summary;
  /** Successful poll answers per shot, as the scheduler counted them. */
  pollsPerShot: Summary;
  /** Polls per shot of the first `slots` shots (submitted before any generation finished) and of the rest. */
  pollsColdMean: number;
  pollsWarmMean: number;
  /**
   * Detection latency: the scheduler's "saw it" time (poll answer received, mapped onto the simulator's
   * clock) minus the job's completion time on the simulator (readyAt), per completed shot.
   */
  detectionMs: Summary;
  /** The same as a fraction of that job's generation time (completesAt − submittedAt). */
  detectionFraction: Summary;
  /** Part of detection spent before the poll arrived: simulator's first "completed" answer − readyAt. */
  pollWaitMs: Summary;
  requests: { submit: number; poll: number; download: number; api: number; total: number };
  rateLimited: number;
  rateLimitedShare: number;
  maxInFlight: number;
  /** Age of each shot's first poll as a share of its generation time (needs the request log). */
  firstPollFraction: Summary;
  /** API requests per second, in one-second buckets from the first request (needs the request log). */
  timeline: TimelineBucket[];
  /** Mean and busiest second of API requests the simulator accepted (not 429). */
  acceptedPerSecond: { mean: number; peak: number };
  /** Smallest (scheduler submit seen − simulator submit): must be ≥ −clock uncertainty (sanity of the mapping). */
  clockCheckMs: number;
}

export interface TimelineBucket {
  second: number;
  submit: number;
  poll: number;
  /** API requests answered 429. */
  limited: number;
}

export function computeFigures(input: {
  run: RunRecord;
  sim: SimSnapshot;
  /** simulator clock − bench clock, ms. */
  clockOffsetMs: number;
  slots: number;
  rateLimitPerSecond: number | null;
}): RunFigures {
  const { run, sim, slots } = input;
  const jobs = new Map(sim.jobs.map((job) => [job.id, job]));
  const durations: number[] = [];
  const polls: number[] = [];
  const coldPolls: number[] = [];
  const warmPolls: number[] = [];
  const detection: number[] = [];
  const fraction: number[] = [];
  const pollWait: number[] = [];
  let clockCheck = Infinity;
  let completed = 0;
  run.shotIds.forEach((id, index) => {
    const shot = run.shots.get(id);
    const generationId = run.generationIds.get(id);
    const job = generationId === undefined ? undefined : jobs.get(generationId);
    if (!shot || !job || job.completesAt === null) return;
    const generation = job.completesAt - job.submittedAt;
    durations.push(generation);
    polls.push(shot.polls);
    (index < slots ? coldPolls : warmPolls).push(shot.polls);
    const toSim = (relative: number): number => run.startedAt + relative + input.clockOffsetMs;
    clockCheck = Math.min(clockCheck, toSim(shot.submittedMs) - job.submittedAt);
    if (shot.detectedMs === null) return;
    completed += 1;
    const done = job.readyAt ?? job.completesAt;
    const latency = toSim(shot.detectedMs) - done;
    detection.push(latency);
    fraction.push(generation > 0 ? latency / generation : 0);
    if (job.firstCompletedPollAt !== null) pollWait.push(job.firstCompletedPollAt - done);
  });
  const log = requestLog(sim);
  const greedyMs = greedyMakespan(durations, slots);
  const bound =
    input.rateLimitPerSecond === null ? 0 : rateBoundMs(run.shotIds.length, input.rateLimitPerSecond);
  const idealMs = Math.max(greedyMs, bound);
  const api = sim.requests.submit + sim.requests.poll;
  const generationTotal = durations.reduce((a, b) => a + b, 0);
  return {
    shots: run.shotIds.length,
    completed,
    slots,
    makespanMs: run.elapsedMs,
    greedyMs,
    rateBoundMs: bound,
    idealMs,
    makespanOverIdeal: run.elapsedMs / idealMs,
    slotUtilisation: generationTotal / (slots * run.elapsedMs),
    generationMs: summarize(durations),
    pollsPerShot: summarize(polls),
    pollsColdMean: mean(coldPolls),
    pollsWarmMean: mean(warmPolls),
    detectionMs: summarize(detection),
    detectionFraction: summarize(fraction),
    pollWaitMs: summarize(pollWait),
    requests: {
      submit: sim.requests.submit,
      poll: sim.requests.poll,
      download: sim.requests.download,
      api,
      total: sim.totalRequests,
    },
    rateLimited: sim.rateLimited,
    rateLimitedShare: api === 0 ? 0 : sim.rateLimited / api,
    maxInFlight: sim.maxInFlight,
    firstPollFraction: summarize(log.firstPollFraction),
    timeline: log.timeline,
    acceptedPerSecond: log.accepted,
    clockCheckMs: clockCheck,
  };
}

/** What the simulator's request log says: a per-second timeline and when each job was first polled. */
function requestLog(sim: SimSnapshot): {
  timeline: TimelineBucket[];
  accepted: { mean: number; peak: number };
  firstPollFraction: number[];
} {
  const entries = sim.requestLog ?? [];
  const api = entries.filter(([kind]) => kind === "submit" || kind === "poll");
  if (api.length === 0)
    return { timeline: [], accepted: { mean: Number.NaN, peak: Number.NaN }, firstPollFraction: [] };
  const start = api[0]![1];
  const timeline: TimelineBucket[] = [];
  const firstPoll = new Map<string, number>();
  for (const [kind, at, status, id] of api) {
    const second = Math.floor((at - start) / 1000);
    while (timeline.length <= second)
      timeline.push({ second: timeline.length, submit: 0, poll: 0, limited: 0 });
    const bucket = timeline[second]!;
    if (status === 429) bucket.limited += 1;
    else if (kind === "submit") bucket.submit += 1;
    else bucket.poll += 1;
    if (kind === "poll" && status === 200 && id !== null && !firstPoll.has(id)) firstPoll.set(id, at);
  }
  const accepted = timeline.map((b) => b.submit + b.poll);
  const jobs = new Map(sim.jobs.map((job) => [job.id, job]));
  const firstPollFraction: number[] = [];
  for (const [id, at] of firstPoll) {
    const job = jobs.get(id);
    if (job?.completesAt == null || job.completesAt <= job.submittedAt) continue;
    firstPollFraction.push((at - job.submittedAt) / (job.completesAt - job.submittedAt));
  }
  const span = (api[api.length - 1]![1] - start) / 1000;
  return {
    timeline,
    accepted: {
      mean: accepted.reduce((a, b) => a + b, 0) / Math.max(span, 1e-9),
      peak: Math.max(...accepted),
    },
    firstPollFraction,
  };
}
