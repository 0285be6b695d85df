// Table-driven validation of malformed storyboards: exact message, key path, code and line:column for each.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FRAME_BYTES, formatDiagnostic, validateStoryboard } from "../../src/storyboard/index.js";
import { FIXTURES, copyFixtures, makeTempDir, removeDir, writeFrames } from "./helpers.js";

interface Expected {
  /** "line:column" */
  at: string;
  code: string;
  path: string;
  /** Exact message; "<dir>" stands for the temp dir the fixtures were copied to. */
  message: string;
}

const CASES: [string, Expected[]][] = [
  [
    "param-not-finite.yaml",
    [
      {
        at: "7:7",
        code: "param-not-json",
        path: "shots[0].params.provider",
        message: "NaN cannot be sent as JSON: use a finite number",
      },
    ],
  ],
  [
    "empty-value.yaml",
    [
      {
        at: "6:5",
        code: "unset-nothing",
        path: "shots[0].duration",
        message:
          "null unsets a default, but no default sets duration for this shot (give it a value, or remove it)",
      },
    ],
  ],
  [
    "crlf-line-endings.yaml",
    [
      {
        at: "6:17",
        code: "resolution-not-allowed",
        path: "shots[0].resolution",
        message: '"8k" is not allowed for google/veo-3.1-t2v-fast (allowed: 720p, 1080p)',
      },
    ],
  ],
  [
    "alias-bomb.yaml",
    [
      {
        at: "8:8",
        code: "yaml-alias-limit",
        path: "",
        message: "YAML aliases repeat more than 1000000 nodes in all: put shared values in defaults: instead",
      },
    ],
  ],
  [
    "aspect-ratio-not-allowed.yaml",
    [
      {
        at: "6:19",
        code: "aspect-ratio-not-allowed",
        path: "shots[0].aspect_ratio",
        message: '"1:1" is not allowed for google/veo-3.1-t2v-fast (allowed: 16:9, 9:16)',
      },
    ],
  ],
  [
    "bad-output-type.yaml",
    [{ at: "2:9", code: "wrong-type", path: "output", message: "expected a string, got 42" }],
  ],
  ["bad-version.yaml", [{ at: "1:10", code: "bad-value", path: "version", message: "must be 1, got 2" }]],
  [
    "comments-only.yaml",
    [
      {
        at: "1:1",
        code: "file-empty",
        path: "",
        message: "the storyboard is empty: expected `version: 1` and `shots:`",
      },
    ],
  ],
  [
    "data-uri-bad-base64.yaml",
    [
      {
        at: "6:18",
        code: "frame-data-uri",
        path: "shots[0].first_frame",
        message: "the data: URI's data is not valid base64 (only A-Z a-z 0-9 + / and = padding, no spaces)",
      },
    ],
  ],
  [
    "data-uri-jpg-mime.yaml",
    [
      {
        at: "6:18",
        code: "frame-data-uri",
        path: "shots[0].first_frame",
        message:
          'data: URI type "image/jpg" is not allowed: write "image/jpeg" (allowed: image/png, image/jpeg, image/webp)',
      },
    ],
  ],
  [
    "data-uri-mismatch.yaml",
    [
      {
        at: "6:18",
        code: "frame-data-uri",
        path: "shots[0].first_frame",
        message: "the data: URI declares image/png but its bytes are a JPEG image",
      },
    ],
  ],
  [
    "data-uri-not-base64.yaml",
    [
      {
        at: "6:18",
        code: "frame-data-uri",
        path: "shots[0].first_frame",
        message: "a data: URI must be base64: data:image/png;base64,<data>",
      },
    ],
  ],
  [
    "data-uri-wrong-mime.yaml",
    [
      {
        at: "6:18",
        code: "frame-data-uri",
        path: "shots[0].first_frame",
        message: 'data: URI type "image/gif" is not allowed (allowed: image/png, image/jpeg, image/webp)',
      },
    ],
  ],
  [
    "duplicate-ids-case.yaml",
    [
      {
        at: "7:9",
        code: "duplicate-id",
        path: "shots[1].id",
        message:
          'id "Open" differs from "open" (shots[0]) only in case; their files would collide on case-insensitive file systems',
      },
    ],
  ],
  [
    "duplicate-ids.yaml",
    [
      {
        at: "9:9",
        code: "duplicate-id",
        path: "shots[2].id",
        message: 'duplicate id "open" (first used by shots[0])',
      },
    ],
  ],
  [
    "duplicate-key.yaml",
    [
      {
        at: "7:5",
        code: "yaml-duplicate-key",
        path: "",
        message: 'duplicate key "duration": each key may appear once per mapping',
      },
    ],
  ],
  [
    "duration-from-defaults.yaml",
    [
      {
        at: "4:13",
        code: "duration-not-allowed",
        path: "shots[0].duration",
        message:
          "10 is not allowed for google/veo-3.1-t2v-fast (allowed: 4, 6, 8) (set in defaults: write `duration: null` on the shot to unset it)",
      },
    ],
  ],
  [
    "duration-not-allowed.yaml",
    [
      {
        at: "8:15",
        code: "duration-not-allowed",
        path: "shots[0].duration",
        message: "5 is not allowed for google/veo-3.1-first-last-image-to-video-fast (allowed: 4, 6, 8)",
      },
    ],
  ],
  [
    "empty-prompt.yaml",
    [{ at: "5:13", code: "empty", path: "shots[0].prompt", message: "must not be empty" }],
  ],
  [
    "empty-shots.yaml",
    [{ at: "2:8", code: "too-few", path: "shots", message: "needs at least 1 item (got none)" }],
  ],
  [
    "empty.yaml",
    [
      {
        at: "1:1",
        code: "file-empty",
        path: "",
        message: "the storyboard is empty: expected `version: 1` and `shots:`",
      },
    ],
  ],
  [
    "first-frame-on-t2v.yaml",
    [
      {
        at: "6:18",
        code: "field-not-taken",
        path: "shots[0].first_frame",
        message: "google/veo-3.1-t2v-fast takes no first frame (it makes video from the prompt alone)",
      },
    ],
  ],
  [
    "frame-directory.yaml",
    [
      {
        at: "6:18",
        code: "frame-not-file",
        path: "shots[0].first_frame",
        message: '"frames/folder.png" is a directory, not an image',
      },
    ],
  ],
  [
    "frame-empty.yaml",
    [
      {
        at: "6:18",
        code: "frame-not-image",
        path: "shots[0].first_frame",
        message: 'frame "frames/empty.png" is empty',
      },
    ],
  ],
  [
    "frame-file-url.yaml",
    [
      {
        at: "6:18",
        code: "frame-scheme",
        path: "shots[0].first_frame",
        message:
          "file: URLs are not allowed: write the path itself (use an https:// URL, a local file path (relative to the storyboard) or a data:image/…;base64 URI)",
      },
    ],
  ],
  [
    "frame-ftp-url.yaml",
    [
      {
        at: "6:18",
        code: "frame-scheme",
        path: "shots[0].first_frame",
        message:
          "ftp: URLs are not allowed: use an https:// URL, a local file path (relative to the storyboard) or a data:image/…;base64 URI",
      },
    ],
  ],
  [
    "frame-http-url.yaml",
    [
      {
        at: "6:18",
        code: "frame-scheme",
        path: "shots[0].first_frame",
        message:
          "http: URLs are not allowed: use an https:// URL, a local file path (relative to the storyboard) or a data:image/…;base64 URI",
      },
    ],
  ],
  [
    "frame-in-defaults-missing.yaml",
    [
      {
        at: "4:16",
        code: "frame-missing",
        path: "defaults.first_frame",
        message: 'cannot read frame "frames/gone.png": no such file (<dir>/frames/gone.png)',
      },
    ],
  ],
  [
    "frame-missing.yaml",
    [
      {
        at: "6:18",
        code: "frame-missing",
        path: "shots[0].first_frame",
        message: 'cannot read frame "frames/nope.png": no such file (<dir>/frames/nope.png)',
      },
    ],
  ],
  [
    "frame-text-as-png.yaml",
    [
      {
        at: "6:18",
        code: "frame-not-image",
        path: "shots[0].first_frame",
        message: 'frame "frames/notes.png" is not a PNG, JPEG or WebP image (judged by its content)',
      },
    ],
  ],
  [
    "frame-too-large.yaml",
    [
      {
        at: "6:18",
        code: "frame-too-large",
        path: "shots[0].first_frame",
        message: 'frame "frames/huge.png" is 20 MiB (20971521 bytes); the limit is 20 MiB (20971520 bytes)',
      },
    ],
  ],
  [
    "frame-url-credentials.yaml",
    [
      {
        at: "6:18",
        code: "frame-url",
        path: "shots[0].first_frame",
        message: "the URL must not contain a user name or password (it would be written to the manifest)",
      },
    ],
  ],
  [
    "id-dot-dot.yaml",
    [
      {
        at: "3:9",
        code: "bad-id",
        path: "shots[0].id",
        message:
          '"../escape" is not a valid id: use letters, digits, ".", "_" and "-", starting with a letter or digit',
      },
    ],
  ],
  [
    "id-in-defaults.yaml",
    [
      {
        at: "3:3",
        code: "unknown-key",
        path: "defaults.id",
        message:
          'unknown key "id" (allowed: model, prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params, models)',
      },
    ],
  ],
  [
    "id-too-long.yaml",
    [
      {
        at: "3:9",
        code: "too-long",
        path: "shots[0].id",
        message:
          '"a-very-long-shot-id-that-goes-on-and-on-past-the-sixty-four-…" is too long (at most 64 characters)',
      },
    ],
  ],
  [
    "id-with-slash.yaml",
    [
      {
        at: "3:9",
        code: "bad-id",
        path: "shots[0].id",
        message:
          '"a/../b" is not a valid id: use letters, digits, ".", "_" and "-", starting with a letter or digit',
      },
    ],
  ],
  [
    "last-frame-not-taken.yaml",
    [
      {
        at: "7:17",
        code: "field-not-taken",
        path: "shots[0].last_frame",
        message:
          "google/veo-3.0-i2v-fast takes no last frame (remove last_frame, or use a model that takes one: e.g. google/veo-3-1-lite-generate-preview, google/veo-3.1-first-last-image-to-video, google/veo-3.1-first-last-image-to-video-fast)",
      },
    ],
  ],
  [
    "many-problems.yaml",
    [
      {
        at: "9:17",
        code: "frame-scheme",
        path: "shots[0].last_frame",
        message:
          "http: URLs are not allowed: use an https:// URL, a local file path (relative to the storyboard) or a data:image/…;base64 URI",
      },
      {
        at: "10:15",
        code: "duration-not-allowed",
        path: "shots[0].duration",
        message: "7 is not allowed for google/veo-3.1-first-last-image-to-video-fast (allowed: 4, 6, 8)",
      },
      {
        at: "11:9",
        code: "duplicate-id",
        path: "shots[1].id",
        message: 'duplicate id "open" (first used by shots[0])',
      },
      { at: "12:13", code: "wrong-type", path: "shots[1].prompt", message: "expected a string, got 42" },
      {
        at: "15:5",
        code: "unknown-key",
        path: "shots[1].colour",
        message:
          'unknown key "colour" (allowed: id, model, prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)',
      },
      {
        at: "20:17",
        code: "resolution-not-allowed",
        path: "shots[2].resolution",
        message: '"2160p" is not allowed for google/veo-3.0-i2v-fast (allowed: 720P, 1080P)',
      },
      { at: "21:22", code: "empty", path: "shots[2].negative_prompt", message: "must not be empty" },
    ],
  ],
  [
    "missing-first-frame.yaml",
    [
      {
        at: "3:5",
        code: "missing-first-frame",
        path: "shots[0].first_frame",
        message: "google/veo-3.0-i2v-fast requires a first frame: set first_frame",
      },
    ],
  ],
  [
    "missing-id.yaml",
    [{ at: "3:5", code: "missing-key", path: "shots[0].id", message: 'missing required key "id"' }],
  ],
  [
    "missing-last-frame.yaml",
    [
      {
        at: "3:5",
        code: "missing-last-frame",
        path: "shots[0].last_frame",
        message: "google/veo-3.1-first-last-image-to-video-fast requires a last frame: set last_frame",
      },
    ],
  ],
  [
    "missing-model.yaml",
    [
      {
        at: "3:5",
        code: "missing-model",
        path: "shots[0].model",
        message: "no model: set model on the shot or in defaults",
      },
    ],
  ],
  [
    "missing-prompt.yaml",
    [
      {
        at: "3:5",
        code: "missing-prompt",
        path: "shots[0].prompt",
        message: "google/veo-3.1-t2v-fast requires a prompt: set prompt",
      },
    ],
  ],
  [
    "missing-shots.yaml",
    [{ at: "1:1", code: "missing-key", path: "shots", message: 'missing required key "shots"' }],
  ],
  [
    "multiple-documents.yaml",
    [
      {
        at: "6:1",
        code: "yaml-syntax",
        path: "",
        message: "YAML: only one document is allowed (remove the second ---)",
      },
    ],
  ],
  [
    "negative-prompt-not-taken.yaml",
    [
      {
        at: "8:22",
        code: "field-not-taken",
        path: "shots[0].negative_prompt",
        message:
          "google/veo-3.1-first-last-image-to-video-fast does not take negative_prompt (it takes: prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio; other request fields go in params)",
      },
    ],
  ],
  [
    "not-a-mapping.yaml",
    [
      {
        at: "1:1",
        code: "wrong-type",
        path: "",
        message: "the storyboard must be a mapping with version and shots, got a list",
      },
    ],
  ],
  [
    "param-duplicates-field.yaml",
    [
      {
        at: "8:7",
        code: "param-duplicates-field",
        path: "shots[0].params.image_url",
        message:
          '"image_url" is the request field for first_frame: use the shot key first_frame instead of params',
      },
    ],
  ],
  [
    "param-in-defaults-wrong-type.yaml",
    [
      {
        at: "5:15",
        code: "request-invalid",
        path: "shots[0].params.auto_fix",
        message:
          'expected boolean, got number 1 (google/veo-3.1-t2v-fast request field "auto_fix") (set in defaults: write `params: null` on the shot to drop the params it inherits)',
      },
    ],
  ],
  [
    "param-model.yaml",
    [
      {
        at: "7:7",
        code: "param-duplicates-field",
        path: "shots[0].params.model",
        message: "set model on the shot (or in defaults), not in params",
      },
    ],
  ],
  [
    "param-unknown.yaml",
    [
      {
        at: "8:7",
        code: "unknown-param",
        path: "shots[0].params.fps",
        message: 'google/veo-3.0-i2v-fast has no request field "fps" (it takes nothing beyond the shot keys)',
      },
    ],
  ],
  [
    "param-wrong-type.yaml",
    [
      {
        at: "7:17",
        code: "request-invalid",
        path: "shots[0].params.auto_fix",
        message:
          'expected boolean, got string "sometimes" (google/veo-3.1-t2v-fast request field "auto_fix")',
      },
    ],
  ],
  [
    "resolution-not-allowed.yaml",
    [
      {
        at: "7:17",
        code: "resolution-not-allowed",
        path: "shots[0].resolution",
        message: '"4k" is not allowed for google/veo-3.0-i2v-fast (allowed: 720P, 1080P)',
      },
    ],
  ],
  [
    "seed-in-defaults-not-taken.yaml",
    [
      {
        at: "4:9",
        code: "field-not-taken",
        path: "shots[0].seed",
        message:
          "google/veo-3.1-first-last-image-to-video-fast does not take seed (it takes: prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio; other request fields go in params) (set in defaults: write `seed: null` on the shot to unset it)",
      },
    ],
  ],
  [
    "shot-not-a-mapping.yaml",
    [{ at: "3:5", code: "wrong-type", path: "shots[0]", message: 'expected a mapping, got "open"' }],
  ],
  [
    "unknown-model.yaml",
    [
      {
        at: "4:12",
        code: "unknown-model",
        path: "shots[0].model",
        message:
          'unknown model "google/veo-3.1-t2v-fsat" (did you mean "google/veo-3.1-t2v-fast", "google/veo-3.1-i2v-fast", "google/veo-3.0-i2v-fast"?)',
      },
    ],
  ],
  [
    "unknown-shot-key.yaml",
    [
      {
        at: "7:5",
        code: "unknown-key",
        path: "shots[0].frist_frame",
        message:
          'unknown key "frist_frame" (did you mean "first_frame"? allowed: id, model, prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)',
      },
    ],
  ],
  [
    "unknown-top-key.yaml",
    [
      {
        at: "2:1",
        code: "unknown-key",
        path: "titel",
        message:
          'unknown key "titel" (did you mean "title"? allowed: version, title, output, defaults, shots; keys starting with x- are ignored)',
      },
    ],
  ],
  [
    "unresolved-alias.yaml",
    [
      {
        at: "4:12",
        code: "yaml-alias",
        path: "",
        message: "YAML: unknown alias *model (define &model before using it)",
      },
    ],
  ],
  [
    "wrong-type-audio.yaml",
    [
      {
        at: "6:21",
        code: "wrong-type",
        path: "shots[0].generate_audio",
        message: 'expected true or false, got "yes"',
      },
    ],
  ],
  [
    "wrong-type-duration.yaml",
    [
      {
        at: "6:15",
        code: "wrong-type",
        path: "shots[0].duration",
        message: 'expected a number, got "eight"',
      },
    ],
  ],
  [
    "wrong-type-params.yaml",
    [{ at: "6:13", code: "wrong-type", path: "shots[0].params", message: "expected a mapping, got a list" }],
  ],
  [
    "wrong-type-seed.yaml",
    [{ at: "6:11", code: "wrong-type", path: "shots[0].seed", message: "expected a whole number, got 4.5" }],
  ],
  [
    "yaml-syntax.yaml",
    [
      {
        at: "4:13",
        code: "yaml-syntax",
        path: "",
        message: 'YAML: the double-quoted string that starts here is never closed (add the closing ")',
      },
    ],
  ],
];

/** Each validation must finish well within this (no hangs on alias bombs, huge or deep input). */
const FAST_MS = 2000;

let dir = "";

beforeAll(async () => {
  dir = await makeTempDir();
  await copyFixtures("invalid/", dir);
  await writeFrames(dir, { hugeBytes: MAX_FRAME_BYTES + 1 });
  // Warm-up: compile the storyboard schema and load the catalog once, outside the per-test timeouts.
  await validateStoryboard(join(dir, "missing-model.yaml"));
});

afterAll(async () => {
  await removeDir(dir);
});

describe("invalid storyboards", () => {
  it("has a case for every fixture and at least 30 of them", async () => {
    const files = (await readdir(new URL("invalid/", FIXTURES))).filter((f) => f.endsWith(".yaml")).sort();
    expect(CASES.map(([name]) => name).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)(
    "%s",
    async (name, expected) => {
      const file = join(dir, name);
      const diagnostics = await validateStoryboard(file);
      const got = diagnostics.map((d) => ({
        at: `${d.line}:${d.column}`,
        code: d.code,
        path: d.path,
        message: d.message,
      }));
      const want = expected.map((e) => ({ ...e, message: e.message.replaceAll("<dir>", dir) }));
      expect(got).toEqual(want);
      for (const d of diagnostics) {
        expect(d.file).toBe(file);
        const where = `${file}:${d.line}:${d.column}`;
        expect(formatDiagnostic(d)).toBe(
          d.path === "" ? `${where} ${d.message}` : `${where} ${d.path}: ${d.message}`,
        );
      }
    },
    FAST_MS,
  );
});
