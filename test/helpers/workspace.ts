// A real temp folder with small frame images made by ffmpeg and a storyboard written into it.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { locateFfmpeg } from "../../src/media/index.js";

const run = promisify(execFile);

export interface Workspace {
  dir: string;
  storyboard: string;
  outDir: string;
  cleanup(): Promise<void>;
}

const COLOURS = ["orange", "skyblue", "seagreen", "white"];

/** Writes frames/f0.png … f3.png (64x36) and story.yaml with `yaml` as its content. */
export async function makeWorkspace(yaml: string): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), "storyreel-e2e-"));
  await mkdir(join(dir, "frames"));
  const ffmpeg = await locateFfmpeg();
  await Promise.all(
    COLOURS.map((colour, i) =>
      run(ffmpeg, [
        "-loglevel",
        "error",
        "-f",
        "lavfi",
        "-i",
        `color=c=${colour}:s=64x36`,
        "-frames:v",
        "1",
        join(dir, "frames", `f${i}.png`),
      ]),
    ),
  );
  const storyboard = join(dir, "story.yaml");
  await writeFile(storyboard, yaml);
  return {
    dir,
    storyboard,
    outDir: join(dir, "out"),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A storyboard of `count` first+last-frame Veo 3.1 shots (4 s, 720p) with ids s1…sN. */
export function storyboardYaml(count: number, extra = ""): string {
  const shots = Array.from(
    { length: count },
    (_, i) =>
      `  - id: s${i + 1}\n    prompt: "shot ${i + 1}"\n    first_frame: frames/f${i % 4}.png\n    last_frame: frames/f${(i + 1) % 4}.png\n`,
  ).join("");
  return `version: 1
output: out
defaults:
  model: google/veo-3.1-first-last-image-to-video-fast
  duration: 4
  resolution: 720p
  aspect_ratio: "16:9"
${extra}shots:
${shots}`;
}
