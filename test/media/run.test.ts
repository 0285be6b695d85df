import { describe, expect, it } from "vitest";
import type { FfmpegFailedError } from "../../src/media/index.js";
import { runFfmpeg } from "../../src/media/index.js";
import { hasCode } from "../../src/util/errors.js";

describe("runFfmpeg", () => {
  it("rejects with E_FFMPEG_FAILED carrying stderr's tail", async () => {
    const err: unknown = await runFfmpeg(["-i", "/definitely/not/here.mp4", "-f", "null", "-"]).catch(
      (e: unknown) => e,
    );
    expect(hasCode(err, "E_FFMPEG_FAILED")).toBe(true);
    expect((err as FfmpegFailedError).stderrTail).toContain("/definitely/not/here.mp4");
    expect((err as FfmpegFailedError).exitCode).not.toBe(0);
  });

  it("kills ffmpeg when the signal aborts and rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const run = runFfmpeg(["-re", "-f", "lavfi", "-i", "testsrc2=size=64x64:rate=10", "-f", "null", "-"], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("stop now")), 100);
    await expect(run).rejects.toThrow("stop now");
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(runFfmpeg(["-version"], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
