// After a download: does the clip match what was asked for? Mismatches are warnings, never failures.
import { probeVideo } from "../media/index.js";

export interface ClipExpectation {
  durationSeconds: number | null;
  resolution: string | null;
  aspectRatio: string | null;
}

const NAMED_HEIGHTS: Readonly<Record<string, number>> = { hd: 720, fhd: 1080, "2k": 1440, "4k": 2160 };

/** Warnings about `file` against the request; empty when it matches or ffprobe is unavailable. */
export async function verifyClip(file: string, expected: ClipExpectation): Promise<string[]> {
  let probe;
  try {
    probe = await probeVideo(file);
  } catch (err) {
    return [`ffprobe could not read the clip: ${(err as Error).message}`];
  }
  if (!probe) return [];
  const warnings: string[] = [];
  const { durationSeconds, resolution, aspectRatio } = expected;
  if (
    durationSeconds !== null &&
    Math.abs(probe.durationSeconds - durationSeconds) > Math.max(0.5, durationSeconds * 0.1)
  ) {
    warnings.push(`duration is ${probe.durationSeconds.toFixed(2)} s, requested ${durationSeconds} s`);
  }
  const short = Math.min(probe.width, probe.height);
  const wantShort = resolution === null ? null : shortSide(resolution);
  if (wantShort !== null && Math.abs(short - wantShort) > 2) {
    warnings.push(`resolution is ${probe.width}x${probe.height}, requested ${resolution}`);
  }
  const ratio = aspectRatio === null ? null : parseRatio(aspectRatio);
  if (ratio !== null && probe.height > 0 && Math.abs(probe.width / probe.height - ratio) / ratio > 0.02) {
    warnings.push(`aspect ratio is ${probe.width}:${probe.height}, requested ${aspectRatio}`);
  }
  return warnings;
}

function shortSide(resolution: string): number | null {
  const key = resolution.toLowerCase();
  const named = NAMED_HEIGHTS[key];
  if (named !== undefined) return named;
  const match = /^(\d{3,4})p$/.exec(key);
  return match ? Number(match[1]) : null;
}

function parseRatio(aspect: string): number | null {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspect);
  if (!match) return null;
  const ratio = Number(match[1]) / Number(match[2]);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : null;
}
