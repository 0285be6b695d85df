// The snapshot written in pieces is byte for byte what JSON.stringify(manifest, null, 2) gives.
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/manifest/json-chunks.js";

const exact = (value: Record<string, unknown>): string => `${JSON.stringify(value, null, 2)}\n`;
const pieces = (value: Record<string, unknown>): string => [...jsonChunks(value, "shots")].join("");

describe("jsonChunks", () => {
  it.each<[string, Record<string, unknown>]>([
    [
      "a manifest with shots",
      {
        version: 1,
        storyboard: { path: "s.yaml", sha256: "ab" },
        started_at: "2026-12-01T00:00:00.000Z",
        finished_at: null,
        skipped: undefined,
        shots: [
          {
            id: "a",
            status: "completed",
            request: { prompt: 'say "hi"\n', frames: [{ sha256: "x" }] },
            clip: null,
          },
          { id: "b", status: "pending", error: { code: "E_X", message: "ünïcode ✓" }, polls: 0 },
        ],
      },
    ],
    ["no shots", { version: 1, shots: [] }],
    ["shots last but not only", { shots: [{ id: "a" }], title: "x" }],
    ["empty", {}],
    ["nested empties", { a: {}, b: [], shots: [{}, []] }],
  ])("%s", (_name, value) => {
    expect(pieces(value)).toBe(exact(value));
  });

  it("yields one piece per shot, never the whole array at once", () => {
    const shots = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, prompt: "x".repeat(100) }));
    const all = [...jsonChunks({ version: 1, shots }, "shots")];
    expect(all.length).toBeGreaterThan(1000);
    expect(Math.max(...all.map((p) => p.length))).toBeLessThan(400);
  });
});
