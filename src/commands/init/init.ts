// `init`: a starter storyboard with two frames that validates and renders on --sim as is; never overwrites.
import { lstat, mkdir, rm, stat, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { StoryreelError } from "../../util/errors.js";
import { starterFrames } from "./init-frames.js";

/** The storyboard schema as it ships in the package (schemas/ beside dist/ and src/). */
export const PACKAGE_SCHEMA = fileURLToPath(
  new URL("../../../schemas/storyboard.schema.json", import.meta.url),
);

export const STARTER_FILE = "storyboard.yaml";
export const STARTER_FRAMES = ["frames/first.png", "frames/last.png"] as const;

export interface InitOptions {
  /** Folder to write into (created when missing), relative to the working directory or absolute. */
  dir: string;
}

export interface InitResult {
  /** Absolute folder. */
  dir: string;
  /** Absolute path of the storyboard written. */
  storyboard: string;
  /** Absolute paths of the frames written. */
  frames: string[];
  /** The `$schema` reference written into the storyboard (relative to its folder). */
  schema: string;
}

/** A file init would write is already there (or the folder is a file): nothing was written. */
export class InitRefusedError extends StoryreelError {
  /** The folder as given. */
  readonly dir: string;
  /** What is in the way, relative to `dir` ("storyboard.yaml", "frames/first.png"); empty when `dir` is a file. */
  readonly existing: readonly string[];

  constructor(dir: string, existing: readonly string[]) {
    super("E_INIT_EXISTS", refusal(dir, existing));
    this.dir = dir;
    this.existing = existing;
  }
}

/** The refusal's words, for the folder shown as `dir`. */
export function refusal(dir: string, existing: readonly string[]): string {
  if (existing.length === 0) return `${dir} is not a folder: give a folder to write the starter into`;
  const them = existing.length === 1 ? "it" : "them";
  return `${dir} already has ${existing.join(", ")}: init never overwrites; pick another folder or move ${them} away`;
}

export async function initProject(options: InitOptions): Promise<InitResult> {
  const dir = resolve(options.dir);
  const targets = [STARTER_FILE, ...STARTER_FRAMES].map((name) => join(dir, name));
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new InitRefusedError(options.dir, []);
  const existing = (await Promise.all(targets.map(async (t) => ((await exists(t)) ? t : null)))).filter(
    (t): t is string => t !== null,
  );
  if (existing.length > 0) {
    throw new InitRefusedError(
      options.dir,
      existing.map((t) => relative(dir, t).split(sep).join("/")),
    );
  }

  const schema = schemaReference(dir);
  const frames = starterFrames();
  const contents: [string, string | Buffer][] = [
    [targets[0]!, starterYaml(schema)],
    [targets[1]!, frames.first],
    [targets[2]!, frames.last],
  ];
  await mkdir(join(dir, "frames"), { recursive: true });
  const written: string[] = [];
  try {
    for (const [path, data] of contents) {
      // "wx": a file that appeared since the check above is never overwritten either.
      await writeFile(path, data, { flag: "wx" });
      written.push(path);
    }
  } catch (err) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    const raced = written.length < contents.length ? contents[written.length]![0] : null;
    if ((err as NodeJS.ErrnoException).code === "EEXIST" && raced !== null) {
      throw new InitRefusedError(options.dir, [relative(dir, raced).split(sep).join("/")]);
    }
    throw err;
  }
  return { dir, storyboard: targets[0]!, frames: targets.slice(1), schema };
}

/** The package's schema, relative to the new storyboard's folder (absolute when no relative path exists). */
function schemaReference(dir: string): string {
  const rel = relative(dir, PACKAGE_SCHEMA);
  return isAbsolute(rel) ? PACKAGE_SCHEMA : rel.split(sep).join("/");
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The starter storyboard: every line explained, valid for the models it names, two shots over two frames. */
export function starterYaml(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A starter storyboard: two shots between two frames. Check it, try it offline, then render it for real:
#   storyreel validate storyboard.yaml
#   storyreel render storyboard.yaml --sim     # the built-in simulator: no key, no network, real MP4s
#   AIML_API_KEY=... storyreel render storyboard.yaml
# The $schema line above lets an editor with the YAML language server complete and explain every key.
version: 1
title: First light

# Every shot gets these unless it sets its own (\`storyreel models\` lists the models and what each takes).
defaults:
  model: google/veo-3.1-first-last-image-to-video-fast # starts on first_frame, ends on last_frame
  duration: 4 # seconds; Veo takes 4, 6 or 8
  resolution: 720p
  aspect_ratio: "16:9" # quoted, as YAML would read 16:9 otherwise
  # Per-model defaults come after these, e.g. for a model that takes no resolution (null unsets it):
  # models:
  #   kling-video/v1.6/pro/text-to-video: { resolution: null, duration: 5 }

shots:
  - id: sunrise # unique; names the clip: clips/001-sunrise.mp4
    prompt: "A slow push in over a calm sea as the sun rises and the sky turns from blue to gold."
    first_frame: frames/first.png # relative to this file (or an https:// URL)
    last_frame: frames/last.png

  - id: morning
    model: google/veo-3.0-i2v-fast # image to video: starts on first_frame, no last frame
    prompt: "The camera holds on the golden horizon while gentle waves roll in."
    first_frame: frames/last.png
    # A shot's own keys win over defaults; \`key: null\` drops a default for this shot alone.
`;
}
