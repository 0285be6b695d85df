// Builds the ffmpeg command line for a plan (for the 2018 static ffmpeg: overlay + alpha fade, as it has no xfade).
import type { RenderPlan } from "./render-plan.js";

export interface RenderPaths {
  first: string | null;
  last: string | null;
  out: string;
}

export function renderArgs(plan: RenderPlan, paths: RenderPaths): string[] {
  const { width: w, height: h, fps } = plan;
  const d = plan.durationSeconds.toFixed(3);
  const fit = `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`;
  // Decode each still once and repeat it with the loop filter: `-loop 1` spins forever on an undecodable image.
  const hold = (input: number): string =>
    `[${input}:v]loop=loop=-1:size=1:start=0,setpts=N/${fps}/TB,trim=duration=${d},${fit}`;
  const single = paths.first ?? paths.last;
  const inputs: string[] = [];
  let graph: string;
  if (paths.first !== null && paths.last !== null) {
    inputs.push("-i", paths.first, "-i", paths.last);
    graph =
      `${hold(0)},format=yuv420p[a];` +
      `${hold(1)},format=yuva420p,fade=t=in:st=0:d=${d}:alpha=1[b];` +
      `[a][b]overlay=format=yuv420,format=yuv420p[v]`;
  } else if (single !== null) {
    inputs.push("-i", single);
    const fadeIn = Math.min(1, plan.durationSeconds / 4).toFixed(3);
    graph = `${hold(0)},fade=t=in:st=0:d=${fadeIn},format=yuv420p[v]`;
  } else {
    inputs.push("-f", "lavfi", "-i", `testsrc2=size=${w}x${h}:rate=${fps}:duration=${d}`);
    graph = `[0:v]format=yuv420p[v]`;
  }
  const audioInput = paths.first !== null && paths.last !== null ? 2 : 1;
  const audioIn = plan.audio ? ["-f", "lavfi", "-t", d, "-i", "sine=frequency=220:sample_rate=44100"] : [];
  const audioGraph = plan.audio ? `;[${audioInput}:a]volume=0.05[au]` : "";
  const audioOut = plan.audio ? ["-map", "[au]", "-c:a", "aac", "-b:a", "64k"] : [];
  return [
    ...inputs,
    ...audioIn,
    "-filter_complex",
    graph + audioGraph,
    "-map",
    "[v]",
    ...audioOut,
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-crf",
    "28",
    "-pix_fmt",
    "yuv420p",
    "-r",
    String(fps),
    "-t",
    d,
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
    paths.out,
  ];
}
