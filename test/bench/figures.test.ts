import { describe, expect, it } from "vitest";
import { computeFigures } from "../../bench/figures.js";
import type { SimSnapshot } from "../../bench/sim-protocol.js";

function job(id: string, submittedAt: number, generation: number, firstCompletedPollAt: number) {
  return {
    id,
    model: "m",
    submittedAt,
    completesAt: submittedAt + generation,
    readyAt: submittedAt + generation,
    firstCompletedPollAt,
  };
}

const SIM: SimSnapshot = {
  requests: { submit: 3, poll: 7, download: 3, other: 0 },
  totalRequests: 13,
  responses: { 200: 9, 429: 1 },
  rateLimited: 1,
  jobsCreated: 3,
  maxInFlight: 2,
  // simulator clock = bench clock + 1000
  jobs: [job("g1", 1010, 100, 1120), job("g2", 1010, 200, 1250), job("g3", 1130, 100, 1240)],
  requestLog: null,
  cpuMs: null,
  maxRssBytes: null,
};

describe("computeFigures", () => {
  const figures = computeFigures({
    run: {
      shotIds: ["s1", "s2", "s3"],
      generationIds: new Map([
        ["s1", "g1"],
        ["s2", "g2"],
        ["s3", "g3"],
      ]),
      startedAt: 0,
      elapsedMs: 300,
      shots: new Map([
        ["s1", { submittedMs: 12, detectedMs: 122, polls: 2 }],
        ["s2", { submittedMs: 12, detectedMs: 252, polls: 3 }],
        ["s3", { submittedMs: 132, detectedMs: 242, polls: 1 }],
      ]),
    },
    sim: SIM,
    clockOffsetMs: 1000,
    slots: 2,
    rateLimitPerSecond: 20,
  });

  it("takes the ideal from the simulator's generation times, in storyboard order, on the slots", () => {
    // slot 1: g1 (0-100) then g3 (100-200); slot 2: g2 (0-200)
    expect(figures.greedyMs).toBe(200);
    expect(figures.rateBoundMs).toBe(300); // 3 shots × 2 requests at 20/s
    expect(figures.idealMs).toBe(300);
    expect(figures.makespanOverIdeal).toBe(1);
    expect(figures.slotUtilisation).toBeCloseTo(400 / 600);
  });

  it("measures detection from completion on the simulator to the scheduler's answer, on one clock", () => {
    // s1: seen at 1122, done at 1110 → 12 ms of 100; s2: 1252 - 1210 = 42 of 200; s3: 1242 - 1230 = 12 of 100
    expect(figures.detectionMs.p50).toBeCloseTo(12);
    expect(figures.detectionMs.max).toBeCloseTo(42);
    expect(figures.detectionFraction.max).toBeCloseTo(0.21);
    expect(figures.pollWaitMs.max).toBeCloseTo(40);
    expect(figures.clockCheckMs).toBeCloseTo(2);
  });

  it("counts polls per shot, first wave apart, and 429s among API requests", () => {
    expect(figures.pollsPerShot.mean).toBe(2);
    expect(figures.pollsColdMean).toBe(2.5);
    expect(figures.pollsWarmMean).toBe(1);
    expect(figures.requests).toEqual({ submit: 3, poll: 7, download: 3, api: 10, total: 13 });
    expect(figures.rateLimitedShare).toBe(0.1);
  });
});

describe("computeFigures with a request log", () => {
  it("buckets API requests per second and finds each job's first poll", () => {
    const figures = computeFigures({
      run: {
        shotIds: ["s1"],
        generationIds: new Map([["s1", "g1"]]),
        startedAt: 0,
        elapsedMs: 2000,
        shots: new Map([["s1", { submittedMs: 1, detectedMs: 1500, polls: 2 }]]),
      },
      sim: {
        ...SIM,
        jobs: [job("g1", 0, 1000, 1400)],
        requestLog: [
          ["submit", 0, 200, null],
          ["poll", 250, 200, "g1"],
          ["poll", 300, 429, "g1"],
          ["poll", 1400, 200, "g1"],
          ["download", 1450, 200, null],
        ],
      },
      clockOffsetMs: 0,
      slots: 1,
      rateLimitPerSecond: null,
    });
    expect(figures.timeline).toEqual([
      { second: 0, submit: 1, poll: 1, limited: 1 },
      { second: 1, submit: 0, poll: 1, limited: 0 },
    ]);
    expect(figures.acceptedPerSecond.peak).toBe(2);
    expect(figures.acceptedPerSecond.mean).toBeCloseTo(3 / 1.4);
    expect(figures.firstPollFraction.p50).toBeCloseTo(0.25);
  });
});
