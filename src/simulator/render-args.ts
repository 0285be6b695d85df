// Builds the ffmpeg command line for a plan (for the 2018 static ffmpeg: overlay + alpha fade, as it has no xfade).
// Frame 0 is always the first image and the final frame the last: two stills hold an eighth of the clip at each end
// and crossfade in between; one still gets a slow eased push-in (zoompan), so the clip moves but starts on the image.
import type { RenderPlan } from "./render-plan.js";

export interface RenderPaths {
  first: string | null;
  last: string | null;
  out: string;
}

/** zoompan from 1× to 1.08× with smoothstep easing over `frames` output frames, centred. */
function pushIn(frames: number, w: number, h: number, fps: number): string {
  const x = `min(on/${Math.max(1, Math.round(frames - 1))},1)`;
  const ease = `(3*pow(${x},2)-2*pow(${x},3))`;
  return `zoompan=z='1+0.08*${ease}':d=1:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=${w}x${h}:fps=${fps}`;
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
      `${hold(1)},format=yuva420p,fade=t=in:st=${(plan.durationSeconds / 8).toFixed(3)}:d=${((plan.durationSeconds * 3) / 4).toFixed(3)}:alpha=1[b];` +
      `[a][b]overlay=format=yuv420,format=yuv420p[v]`;
  } else if (single !== null) {
    inputs.push("-i", single);
    graph = `${hold(0)},${pushIn(plan.durationSeconds * fps, w, h, fps)},format=yuv420p[v]`;
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
