import { describe, expect, it } from "vitest";
import { parseGeneration } from "../../src/api/generation.js";

describe("parseGeneration", () => {
  it("normalises the documented shape", () => {
    expect(
      parseGeneration({
        id: "g1",
        status: " Completed ",
        video: { url: "https://cdn.example.com/a.mp4" },
        error: null,
        meta: { usage: { credits_used: 1.5 } },
      }),
    ).toEqual({
      ok: true,
      generation: {
        id: "g1",
        status: "completed",
        videoUrl: "https://cdn.example.com/a.mp4",
        error: null,
        creditsUsed: 1.5,
      },
    });
  });

  it.each([
    ["queued", "queued"],
    ["generating", "generating"],
    ["waiting", "waiting"],
    ["active", "active"],
    ["complete", "completed"],
    ["error", "error"],
    ["failed", "error"],
  ])("maps status %s to %s", (raw, status) => {
    expect(parseGeneration({ id: "g", status: raw })).toMatchObject({ ok: true, generation: { status } });
  });

  it("reads error objects and strings", () => {
    expect(parseGeneration({ id: "g", status: "error", error: { message: "blocked" } })).toMatchObject({
      generation: { error: { name: null, message: "blocked" } },
    });
    expect(parseGeneration({ id: "g", status: "error", error: "blocked" })).toMatchObject({
      generation: { error: { name: null, message: "blocked" } },
    });
  });

  it("ignores credits that are not numbers", () => {
    expect(
      parseGeneration({ id: "g", status: "queued", meta: { usage: { credits_used: "7" } } }),
    ).toMatchObject({
      generation: { creditsUsed: null },
    });
  });

  it.each([
    [null, undefined],
    [[], undefined],
    [{ status: "queued" }, undefined],
    [{ id: "", status: "queued" }, undefined],
    [{ id: 5, status: "queued" }, undefined],
    [{ id: "g", status: "pondering" }, "g"],
    [{ id: "g" }, "g"],
    [{ id: "g", status: "completed", video: { url: "javascript:alert(1)" } }, "g"],
    [{ id: "g", status: "completed", video: "https://x" }, "g"],
  ])("rejects %j, keeping the id when there is one", (body, id) => {
    const parsed = parseGeneration(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.id).toBe(id);
      expect(parsed.problem.length).toBeGreaterThan(0);
    }
  });
});
