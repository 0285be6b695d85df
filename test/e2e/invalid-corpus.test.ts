// Every invalid storyboard fixture through `storyreel render` (in-process main()): exit 2, file:line:col, no stack,
// nothing sent, nothing written, fast.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FRAME_BYTES } from "../../src/storyboard/index.js";
import { copyFixtures, FIXTURES, writeFrames } from "../storyboard/helpers.js";
import { runMainWith } from "../helpers/main-io.js";
import { startScriptedServer } from "../helpers/scripted-server.js";
import type { ScriptedServer } from "../helpers/scripted-server.js";

const KEY = "sk-test-invalid-corpus-3c2b1a";
/** A render of an invalid storyboard must be refused well within this (a margin a machine under 4× load meets). */
const FAST_MS = 10_000;

/** fixture → every diagnostic it must produce: [line:column, key path] (same expectations as invalid-fixtures). */
const CASES: [string, [string, string][]][] = [
  ["alias-bomb.yaml", [["8:8", ""]]],
  ["aspect-ratio-not-allowed.yaml", [["6:19", "shots[0].aspect_ratio"]]],
  ["bad-output-type.yaml", [["2:9", "output"]]],
  ["bad-version.yaml", [["1:10", "version"]]],
  ["comments-only.yaml", [["1:1", ""]]],
  ["crlf-line-endings.yaml", [["6:17", "shots[0].resolution"]]],
  ["data-uri-bad-base64.yaml", [["6:18", "shots[0].first_frame"]]],
  ["data-uri-jpg-mime.yaml", [["6:18", "shots[0].first_frame"]]],
  ["data-uri-mismatch.yaml", [["6:18", "shots[0].first_frame"]]],
  ["data-uri-not-base64.yaml", [["6:18", "shots[0].first_frame"]]],
  ["data-uri-wrong-mime.yaml", [["6:18", "shots[0].first_frame"]]],
  ["duplicate-ids-case.yaml", [["7:9", "shots[1].id"]]],
  ["duplicate-ids.yaml", [["9:9", "shots[2].id"]]],
  ["duplicate-key.yaml", [["7:5", ""]]],
  ["duration-from-defaults.yaml", [["4:13", "shots[0].duration"]]],
  ["duration-not-allowed.yaml", [["8:15", "shots[0].duration"]]],
  ["empty-prompt.yaml", [["5:13", "shots[0].prompt"]]],
  ["empty-shots.yaml", [["2:8", "shots"]]],
  ["empty-value.yaml", [["6:5", "shots[0].duration"]]],
  ["empty.yaml", [["1:1", ""]]],
  ["first-frame-on-t2v.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-directory.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-empty.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-file-url.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-ftp-url.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-http-url.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-in-defaults-missing.yaml", [["4:16", "defaults.first_frame"]]],
  ["frame-missing.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-text-as-png.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-too-large.yaml", [["6:18", "shots[0].first_frame"]]],
  ["frame-url-credentials.yaml", [["6:18", "shots[0].first_frame"]]],
  ["id-dot-dot.yaml", [["3:9", "shots[0].id"]]],
  ["id-in-defaults.yaml", [["3:3", "defaults.id"]]],
  ["id-too-long.yaml", [["3:9", "shots[0].id"]]],
  ["id-with-slash.yaml", [["3:9", "shots[0].id"]]],
  ["last-frame-not-taken.yaml", [["7:17", "shots[0].last_frame"]]],
  [
    "many-problems.yaml",
    [
      ["9:17", "shots[0].last_frame"],
      ["10:15", "shots[0].duration"],
      ["11:9", "shots[1].id"],
      ["12:13", "shots[1].prompt"],
      ["15:5", "shots[1].colour"],
      ["20:17", "shots[2].resolution"],
      ["21:22", "shots[2].negative_prompt"],
    ],
  ],
  ["missing-first-frame.yaml", [["3:5", "shots[0].first_frame"]]],
  ["missing-id.yaml", [["3:5", "shots[0].id"]]],
  ["missing-last-frame.yaml", [["3:5", "shots[0].last_frame"]]],
  ["missing-model.yaml", [["3:5", "shots[0].model"]]],
  ["missing-prompt.yaml", [["3:5", "shots[0].prompt"]]],
  ["missing-shots.yaml", [["1:1", "shots"]]],
  ["multiple-documents.yaml", [["6:1", ""]]],
  ["negative-prompt-not-taken.yaml", [["8:22", "shots[0].negative_prompt"]]],
  ["not-a-mapping.yaml", [["1:1", ""]]],
  ["param-duplicates-field.yaml", [["8:7", "shots[0].params.image_url"]]],
  ["param-in-defaults-wrong-type.yaml", [["5:15", "shots[0].params.auto_fix"]]],
  ["param-model.yaml", [["7:7", "shots[0].params.model"]]],
  ["param-not-finite.yaml", [["7:7", "shots[0].params.provider"]]],
  ["param-unknown.yaml", [["8:7", "shots[0].params.fps"]]],
  ["param-wrong-type.yaml", [["7:17", "shots[0].params.auto_fix"]]],
  ["resolution-not-allowed.yaml", [["7:17", "shots[0].resolution"]]],
  ["seed-in-defaults-not-taken.yaml", [["4:9", "shots[0].seed"]]],
  ["shot-not-a-mapping.yaml", [["3:5", "shots[0]"]]],
  ["unknown-model.yaml", [["4:12", "shots[0].model"]]],
  ["unknown-shot-key.yaml", [["7:5", "shots[0].frist_frame"]]],
  ["unknown-top-key.yaml", [["2:1", "titel"]]],
  ["unresolved-alias.yaml", [["4:12", ""]]],
  ["wrong-type-audio.yaml", [["6:21", "shots[0].generate_audio"]]],
  ["wrong-type-duration.yaml", [["6:15", "shots[0].duration"]]],
  ["wrong-type-params.yaml", [["6:13", "shots[0].params"]]],
  ["wrong-type-seed.yaml", [["6:11", "shots[0].seed"]]],
  ["yaml-syntax.yaml", [["4:13", ""]]],
];

let dir = "";
let server: ScriptedServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-invalid-corpus-"));
  await copyFixtures("invalid/", dir);
  await writeFrames(dir, { hugeBytes: MAX_FRAME_BYTES + 1 });
  // any request at all is a failure of the test; answer something a client would not retry
  server = await startScriptedServer();
  // Warm-up outside the timed cases: load the catalog, compile the schema, import the commands.
  await runMainWith(
    ["render", join(dir, "missing-model.yaml"), "--base-url", server.url, "--out", join(dir, "warm")],
    {
      env: { AIML_API_KEY: KEY },
    },
  );
  server.requests.length = 0;
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("render of every invalid fixture", () => {
  it("has a case for every fixture", async () => {
    const files = (await readdir(new URL("invalid/", FIXTURES))).filter((f) => f.endsWith(".yaml")).sort();
    expect(CASES.map(([name]) => name).sort()).toEqual(files);
  });

  it.each(CASES)(
    "%s",
    async (name, expected) => {
      const file = join(dir, name);
      const work = await mkdtemp(join(tmpdir(), "storyreel-invalid-out-"));
      const outDir = join(work, "out");
      try {
        const run = await runMainWith(["render", file, "--base-url", server.url, "--out", outDir], {
          env: { AIML_API_KEY: KEY },
        });
        expect(run.code, run.stderr).toBe(2);
        for (const [at, path] of expected) {
          expect(run.stderr).toContain(path === "" ? `${file}:${at} ` : `${file}:${at} ${path}: `);
        }
        const located = run.stderr.split("\n").filter((line) => line.startsWith(`${file}:`));
        expect(located).toHaveLength(expected.length);
        expect(run.stderr).toContain("nothing was sent and nothing was written");
        expect(run.stderr).not.toMatch(/^\s+at /m);
        expect(run.stderr).not.toContain("internal error");
        expect(run.stdout).toBe("");
        expect(server.requests).toHaveLength(0);
        expect(existsSync(outDir)).toBe(false);
        expect(await readdir(work)).toEqual([]);
        expect(run.elapsedMs).toBeLessThan(FAST_MS);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    FAST_MS * 3,
  );
});
