// Builds the ffmpeg command line for a plan (works on the 2018 static ffmpeg: overlay + alpha fade, no xfade).
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
  const still = (file: string): string[] => ["-loop", "1", "-framerate", String(fps), "-t", d, "-i", file];
  const inputs: string[] = [];
  let graph: string;
  const single = paths.first ?? paths.last;
  if (paths.first !== null && paths.last !== null) {
    inputs.push(...still(paths.first), ...still(paths.last));
    graph =
      `[0:v]${fit},format=yuv420p[a];` +
      `[1:v]${fit},format=yuva420p,fade=t=in:st=0:d=${d}:alpha=1[b];` +
      `[a][b]overlay=format=yuv420,format=yuv420p[v]`;
  } else if (single !== null) {
    inputs.push(...still(single));
    const fadeIn = Math.min(1, plan.durationSeconds / 4).toFixed(3);
    graph = `[0:v]${fit},fade=t=in:st=0:d=${fadeIn},format=yuv420p[v]`;
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
