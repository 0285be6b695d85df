// ffmpeg invocations for stitch: the concat demuxer with stream copy, or one filter graph that re-encodes.
import type { ProbedClip, StitchTarget } from "./stitch-plan.js";

/** An ffconcat list of absolute clip paths (used with `-safe 0`). */
export function concatListOf(paths: readonly string[]): string {
  const lines = paths.map((p) => `file '${p.replaceAll("'", "'\\''")}'`);
  return `ffconcat version 1.0\n${lines.join("\n")}\n`;
}

export function copyArgs(listPath: string, output: string): string[] {
  return [
    ...["-f", "concat", "-safe", "0", "-i", listPath],
    ...["-map", "0:v", "-map", "0:a?", "-c", "copy"],
    ...["-movflags", "+faststart", "-f", "mp4", output],
  ];
}

/** Args for a re-encode whose filter graph (see filterGraph) is read from `scriptPath`. */
export function reencodeArgs(
  clips: readonly ProbedClip[],
  target: StitchTarget,
  scriptPath: string,
  output: string,
): string[] {
  const inputs = clips.flatMap((c) => ["-i", c.path]);
  const audio = target.audio ? ["-map", "[a]", "-c:a", "aac", "-b:a", "160k", "-ar", "48000"] : ["-an"];
  return [
    ...inputs,
    ...["-filter_complex_script", scriptPath, "-map", "[v]"],
    ...["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"],
    ...audio,
    ...["-movflags", "+faststart", "-f", "mp4", output],
  ];
}

/**
 * Each clip scaled to fit the target size and padded (letterbox/pillarbox, aspect kept), set to the target fps;
 * clips without audio get silence when any clip has audio; then one concat filter.
 */
export function filterGraph(clips: readonly ProbedClip[], target: StitchTarget): string {
  const { width: w, height: h } = target;
  const chains: string[] = [];
  const pads: string[] = [];
  clips.forEach((clip, i) => {
    chains.push(
      `[${i}:v:0]setpts=PTS-STARTPTS,scale=${w}:${h}:force_original_aspect_ratio=decrease,` +
        `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${target.fps},format=yuv420p[v${i}]`,
    );
    pads.push(`[v${i}]`);
    if (!target.audio) return;
    const seconds = Math.max(0.04, clip.traits.durationSeconds).toFixed(3);
    const source = clip.traits.audio === null ? "anullsrc=r=48000:cl=stereo" : `[${i}:a:0]aresample=48000`;
    chains.push(
      `${source},aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,` +
        `apad,atrim=duration=${seconds},asetpts=PTS-STARTPTS[a${i}]`,
    );
    pads.push(`[a${i}]`);
  });
  const outputs = target.audio ? "[v][a]" : "[v]";
  chains.push(`${pads.join("")}concat=n=${clips.length}:v=1:a=${target.audio ? 1 : 0}${outputs}`);
  return `${chains.join(";\n")}\n`;
}
