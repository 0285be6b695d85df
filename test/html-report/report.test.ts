// writeReport() on real output folders: one card per shot, posters embedded and cached, text escaped, idempotent.
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeReport } from "../../src/commands/report/report.js";
import { reportHtml } from "../../src/views/html/index.js";
import { hasCode } from "../../src/util/errors.js";
import { bytes } from "../../src/views/format.js";
import { makeClip, makeOutputFolder } from "../stitch/output-fixture.js";
import type { OutputFolder } from "../stitch/output-fixture.js";
import { runMain } from "../stitch/cli-io.js";

const HOSTILE = `Mona says "hi" & <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;
let folder: OutputFolder | undefined;

afterEach(async () => {
  await folder?.cleanup();
  folder = undefined;
});

const posterDir = (f: OutputFolder): string => join(f.outDir, ".storyreel", "posters");

describe("writeReport", () => {
  it("writes one card per shot with the clip, a cached JPEG poster as a data: URI, and the shot's facts", async () => {
    folder = await makeOutputFolder([
      { id: "open", prompt: "A harbour at dawn" },
      { id: "storm", status: "failed" },
      { id: "later", status: "pending" },
    ]);
    const result = await writeReport({ outDir: folder.outDir });
    expect(result).toEqual({
      path: join(folder.outDir, "report.html"),
      cards: 3,
      posters: 1,
      postersMade: 1,
    });
    const html = await readFile(result.path, "utf8");
    expect(html.match(/<article class="card"/g)).toHaveLength(3);
    expect(html).toContain('<video src="./clips/001-open.mp4" poster="data:image/jpeg;base64,');
    expect(html).toContain("A harbour at dawn");
    expect(html).toContain("<b>E_JOB_FAILED</b>the model refused the prompt");
    expect(html).toContain("126,000");
    expect(html).toContain('data-stat="credits"><b>126,000</b>');
    const clipSha = folder.manifest.shots[0]!.clip!.sha256;
    const poster = await readFile(join(posterDir(folder), `${clipSha}.jpg`));
    expect(poster.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // JPEG
    expect(poster.byteLength).toBeLessThan(40_000);
    expect(html).toContain(poster.toString("base64"));
  });

  it("bounds the ffmpeg work per run: beyond maxNewPosters a card shows the clip's own first frame", async () => {
    folder = await makeOutputFolder([
      { id: "a" },
      { id: "b", size: "180x320" },
      { id: "c", size: "240x240" },
    ]);
    const bounded = await writeReport({ outDir: folder.outDir, maxNewPosters: 1 });
    expect(bounded).toMatchObject({ cards: 3, posters: 1, postersMade: 1 });
    const html = await readFile(bounded.path, "utf8");
    expect(html.match(/poster="data:image\/jpeg/g)).toHaveLength(1);
    expect(html.match(/preload="metadata"/g)).toHaveLength(2);
    // the next run makes the rest (the first is cached)
    const next = await writeReport({ outDir: folder.outDir });
    expect(next).toMatchObject({ posters: 3, postersMade: 2 });
  });

  it("is idempotent: a second run reuses the cached posters and writes the same bytes", async () => {
    folder = await makeOutputFolder([{ id: "a" }, { id: "b", size: "180x320" }]);
    const first = await writeReport({ outDir: folder.outDir });
    const before = await readFile(first.path, "utf8");
    const second = await writeReport({ outDir: folder.outDir });
    expect(second).toMatchObject({ cards: 2, posters: 2, postersMade: 0 });
    expect(await readFile(second.path, "utf8")).toBe(before);
    expect((await readdir(folder.outDir)).sort()).toEqual([
      ".storyreel",
      "clips",
      "manifest.json",
      "report.html",
    ]);
  });

  it("drops posters of clips the manifest no longer names", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    await mkdir(posterDir(folder), { recursive: true });
    const stale = `${"b".repeat(64)}.jpg`;
    await writeFile(join(posterDir(folder), stale), "old");
    await writeReport({ outDir: folder.outDir });
    expect(await readdir(posterDir(folder))).toEqual([`${folder.manifest.shots[0]!.clip!.sha256}.jpg`]);
  });

  it("escapes every manifest text: a prompt or error with markup stays text", async () => {
    folder = await makeOutputFolder(
      [
        { id: "x", prompt: HOSTILE },
        {
          id: "y",
          status: "failed",
          patch: { error: { code: "E_<b>", message: HOSTILE }, warnings: [HOSTILE] },
        },
      ],
      `Title </title><script>alert(1)</script>`,
    );
    const { path } = await writeReport({ outDir: folder.outDir });
    const html = await readFile(path, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('onerror="');
    expect(html).toContain(
      "Mona says &quot;hi&quot; &amp; &lt;script&gt;window.__xss = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss = 2&quot;&gt;",
    );
    expect(html).toContain(
      "<title>Title &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · storyreel report</title>",
    );
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`);
  });

  it("shows a clip that vanished as missing (no video element)", async () => {
    folder = await makeOutputFolder([{ id: "gone", deleteClip: true }]);
    const { path } = await writeReport({ outDir: folder.outDir });
    const html = await readFile(path, "utf8");
    expect(html).not.toContain("<video");
    expect(html).toContain("clip missing or changed on disk");
  });

  it("never turns a manifest's clip path into a link elsewhere (scheme, other host)", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    const shot = folder.manifest.shots[0]!;
    const srcOf = (path: string): string | undefined => {
      const card = {
        shot: { ...shot, clip: { path, bytes: 1, sha256: "c".repeat(64) } },
        posterDataUri: null,
        clipOnDisk: true,
      };
      return /<video src="([^"]*)"/.exec(reportHtml({ manifest: folder!.manifest, cards: [card] }))?.[1];
    };
    expect(srcOf("javascript:alert(1)")).toBe("./javascript%3Aalert(1)");
    expect(srcOf("//evil.example/x.mp4")).toBe(".///evil.example/x.mp4");
    expect(srcOf('clips/it\'s a "clip".mp4')).toBe("./clips/it&#39;s%20a%20%22clip%22.mp4");
  });

  it("refuses a folder without a manifest (E_NO_MANIFEST)", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    const err: unknown = await writeReport({ outDir: folder.root }).catch((e: unknown) => e);
    expect(hasCode(err, "E_NO_MANIFEST")).toBe(true);
  });
});

describe("writeReport: what the page tells about each shot and the run", () => {
  it("shows seed and negative prompt (escaped), and no row or paragraph for a shot without them", async () => {
    folder = await makeOutputFolder([
      {
        id: "seeded",
        patch: {
          request: {
            model: "google/veo-3.0-i2v-fast",
            prompt: "p",
            seed: 42,
            negative_prompt: `blurry <b>hands</b>`,
          },
        },
      },
      { id: "plain" },
    ]);
    const html = await readFile((await writeReport({ outDir: folder.outDir })).path, "utf8");
    const [seeded, plain] = html.split('<article class="card"').slice(1);
    expect(seeded).toContain(
      '<p class="negative"><span>Negative prompt</span>blurry &lt;b&gt;hands&lt;/b&gt;</p>',
    );
    expect(seeded).toContain("<dt>Seed</dt><dd><code>42</code></dd>");
    expect(plain).not.toContain("Negative prompt");
    expect(plain).not.toContain("<dt>Seed</dt>");
  });

  it("marks clips the simulator made, on the card and once at the top; an API or legacy record is not marked", async () => {
    folder = await makeOutputFolder([
      { id: "sim", patch: { backend: "simulator" } },
      { id: "api", patch: { backend: "https://api.aimlapi.com" } },
      { id: "legacy" },
    ]);
    const html = await readFile((await writeReport({ outDir: folder.outDir })).path, "utf8");
    const [sim, api, legacy] = html.split('<article class="card').slice(1);
    expect(sim).toMatch(
      /^ sim" id="shot-sim" data-shot="sim" data-status="completed" data-backend="simulator">/,
    );
    expect(sim).toContain(
      '<span class="sim-mark" title="made by the built-in simulator (--sim), not by the model">Simulated</span>',
    );
    expect(sim).toContain("<dt>Made by</dt><dd>the built-in simulator (--sim)</dd>");
    expect(api).not.toContain("sim-mark");
    expect(api).toContain("<dt>Made by</dt><dd>https://api.aimlapi.com</dd>");
    expect(legacy).not.toContain("sim-mark");
    expect(legacy).not.toContain("Made by");
    expect(html).toContain(
      '<p class="simulated" data-simulated="1">1 of 3 shots ran on the built-in simulator (<code>--sim</code>): its clips are made from the frames by ffmpeg, not by the model.</p>',
    );
    expect(html).toContain('data-stat="simulated"><b>1</b>');
  });

  it("links the stitched film.mp4 only when it is in the output folder", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    const { path } = await writeReport({ outDir: folder.outDir });
    expect(await readFile(path, "utf8")).not.toContain("film.mp4");
    await makeClip(join(folder.outDir, "film.mp4"), { id: "film" });
    const size = (await readFile(join(folder.outDir, "film.mp4"))).byteLength;
    const html = await readFile((await writeReport({ outDir: folder.outDir })).path, "utf8");
    expect(html).toContain(
      `<p class="film"><a href="./film.mp4" type="video/mp4">Watch the stitched film</a> <code>film.mp4</code> ${bytes(size)}</p>`,
    );
  });

  it("shows the storyboard relative to the reader's working folder (cwd), else absolute", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    const shown = async (cwd: string | undefined): Promise<string | undefined> => {
      const { path } = await writeReport({ outDir: folder!.outDir, ...(cwd === undefined ? {} : { cwd }) });
      return /<p class="source">Storyboard <code>([^<]*)<\/code>/.exec(await readFile(path, "utf8"))?.[1];
    };
    expect(await shown(folder.root)).toBe("story.yaml");
    expect(await shown(join(folder.root, ".."))).toBe(`${basename(folder.root)}/story.yaml`);
    expect(await shown(folder.outDir)).toBe(join(folder.root, "story.yaml"));
    expect(await shown(undefined)).toBe(join(folder.root, "story.yaml"));
    // the CLI passes its working folder
    expect((await runMain(["report", "out"], folder.root)).code).toBe(0);
    const html = await readFile(join(folder.outDir, "report.html"), "utf8");
    expect(html).toContain('<p class="source">Storyboard <code>story.yaml</code>');
  });
});

describe("storyreel report", () => {
  it("prints the report's path and poster counts; exits 2 without a manifest; --help has examples", async () => {
    folder = await makeOutputFolder([{ id: "a" }, { id: "b", status: "pending" }]);
    const run = await runMain(["report", "out"], folder.root);
    expect(run).toEqual({
      code: 0,
      stdout: "wrote out/report.html: 2 shots, 1 with a poster frame (1 new)\n",
      stderr: "",
    });
    const refused = await runMain(["report", folder.root]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("has no manifest.json");
    const help = await runMain(["report", "--help"]);
    expect(help.stdout).toContain("storyreel report renders/harbour");
  });
});
