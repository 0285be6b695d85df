// A real output folder for tests: clips made by ffmpeg, a schema-valid manifest.json describing them.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFfmpeg } from "../../src/media/index.js";
import type { Manifest, ShotRecord, ShotStatus } from "../../src/manifest/index.js";

export interface FixtureShot {
  id: string;
  status?: ShotStatus;
  /** "WxH"; default 320x180. */
  size?: string;
  audio?: boolean;
  fps?: number;
  seconds?: number;
  prompt?: string;
  /** Write no clip file although the record names one. */
  deleteClip?: boolean;
  patch?: Partial<ShotRecord>;
}

export interface OutputFolder {
  root: string;
  outDir: string;
  manifest: Manifest;
  cleanup(): Promise<void>;
}

export async function makeClip(path: string, shot: FixtureShot): Promise<void> {
  const size = shot.size ?? "320x180";
  const fps = shot.fps ?? 24;
  const seconds = shot.seconds ?? 1;
  const video = ["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=${fps}:duration=${seconds}`];
  const audio = shot.audio
    ? ["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`]
    : [];
  const codecs = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
  const audioCodec = shot.audio ? ["-c:a", "aac", "-ac", "2"] : [];
  await runFfmpeg([...video, ...audio, ...codecs, ...audioCodec, "-shortest", "-f", "mp4", path]);
}

export async function sha256File(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

export async function makeOutputFolder(
  shots: readonly FixtureShot[],
  title = "Fixture film",
): Promise<OutputFolder> {
  const root = await mkdtemp(join(tmpdir(), "storyreel-out-"));
  const outDir = join(root, "out");
  await mkdir(join(outDir, "clips"), { recursive: true });
  const records = await Promise.all(shots.map((shot, i) => record(outDir, shot, i)));
  const manifest: Manifest = {
    version: 1,
    storyboard: { path: "../story.yaml", sha256: "a".repeat(64) },
    title,
    started_at: "2025-01-02T10:00:00.000Z",
    finished_at: "2025-01-02T10:05:00.000Z",
    shots: records,
  };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { root, outDir, manifest, cleanup: () => rm(root, { recursive: true, force: true }) };
}

async function record(outDir: string, shot: FixtureShot, index: number): Promise<ShotRecord> {
  const status = shot.status ?? "completed";
  const relPath = `clips/${String(index + 1).padStart(3, "0")}-${shot.id}.mp4`;
  let clip: ShotRecord["clip"] = null;
  if (status === "completed") {
    const abs = join(outDir, relPath);
    await makeClip(abs, shot);
    const bytes = (await readFile(abs)).byteLength;
    clip = { path: relPath, bytes, sha256: await sha256File(abs) };
    if (shot.deleteClip) await rm(abs);
  }
  const submitted = status === "pending" ? null : `2025-01-02T10:0${index % 10}:00.000Z`;
  return {
    id: shot.id,
    status,
    model: "google/veo-3.1-first-last-image-to-video-fast",
    input_hash: createHash("sha256").update(shot.id).digest("hex"),
    line: 5 + index * 4,
    generation_id: submitted === null ? null : `gen-${shot.id}`,
    submitted_at: submitted,
    completed_at: status === "completed" ? `2025-01-02T10:0${index % 10}:42.500Z` : null,
    polls: status === "pending" ? 0 : 7,
    request: {
      model: "google/veo-3.1-first-last-image-to-video-fast",
      prompt: shot.prompt ?? `shot ${shot.id}`,
    },
    video_url: status === "completed" ? `https://cdn.example/${shot.id}.mp4` : null,
    clip,
    credits_used: status === "completed" ? 126000 : null,
    duration_seconds: shot.seconds ?? 1,
    error: status === "failed" ? { code: "E_JOB_FAILED", message: "the model refused the prompt" } : null,
    warnings: [],
    ...shot.patch,
  };
}
