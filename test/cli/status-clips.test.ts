// `storyreel status` checks completed clips on disk (size; sha256 with --verify) and tells a simulator-rendered folder.
import { open, rm, truncate } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeOutputFolder } from "../stitch/output-fixture.js";
import type { OutputFolder } from "../stitch/output-fixture.js";
import { runMain } from "../stitch/cli-io.js";

let folder: OutputFolder | undefined;

afterEach(async () => {
  await folder?.cleanup();
  folder = undefined;
});

const clipOf = (f: OutputFolder, i: number): string => join(f.outDir, f.manifest.shots[i]!.clip!.path);

describe("status and the clips on disk", () => {
  it("reports a truncated clip as clip corrupt and a deleted one as clip missing, exit 1", async () => {
    folder = await makeOutputFolder([{ id: "a" }, { id: "b" }, { id: "c" }]);
    await truncate(clipOf(folder, 1), 100);
    await rm(clipOf(folder, 2));
    const run = await runMain(["status", "out"], folder.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^3 shots: 1 completed, 1 clip missing, 1 clip corrupt; /m);
    expect(run.stdout).toMatch(/^a\s+completed\s/m);
    expect(run.stdout).toMatch(/^b\s+clip corrupt\s/m);
    expect(run.stdout).toMatch(/^c\s+clip missing\s/m);
    // render fetches lost clips again (resumed, not paid again): a plain rerun, not --failed
    expect(run.stdout).toContain(
      "resume and render what is left (in-flight generations are polled, not paid again): storyreel render story.yaml --out out\n",
    );
    expect(run.stdout).not.toContain("note:");
    const json = await runMain(["status", "out", "--json"], folder.root);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      complete: false,
      verified: false,
      clip_problems: [
        { id: "b", problem: "corrupt" },
        { id: "c", problem: "missing" },
      ],
    });
  });

  it("checks sha256 only with --verify: a clip of the right size with other bytes", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    const handle = await open(clipOf(folder, 0), "r+");
    await handle.write(Buffer.from("XXXX"), 0, 4, 64);
    await handle.close();
    const quick = await runMain(["status", "out"], folder.root);
    expect(quick.code).toBe(0);
    expect(quick.stdout).toMatch(/^1 shot: 1 completed; /m);
    const verified = await runMain(["status", "out", "--verify"], folder.root);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/^a\s+clip corrupt\s/m);
  });

  it("says a folder was rendered on the simulator (loopback clip URLs) and keeps --sim in the command", async () => {
    folder = await makeOutputFolder([
      { id: "a", patch: { video_url: "http://127.0.0.1:4123/files/a.mp4" } },
      { id: "b", status: "failed" },
    ]);
    const run = await runMain(["status", "out"], folder.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "render what failed again: storyreel render story.yaml --out out --sim --failed\n",
    );
    expect(run.stdout).toMatch(
      /^note: this folder was rendered on the simulator \(its clips came from http:\/\/127\.0\.0\.1:4123\)/m,
    );
    const json = JSON.parse((await runMain(["status", "out", "--json"], folder.root)).stdout) as Record<
      string,
      unknown
    >;
    expect(json.simulator_origin).toBe("http://127.0.0.1:4123");
  });
});
