// The starter storyboard's two frames, drawn here as small PNGs (no image files ship in the package).
import { crc32, deflateSync } from "node:zlib";

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 360;

type Rgb = readonly [number, number, number];

interface Scene {
  /** Sky from the top to the horizon. */
  sky: readonly [Rgb, Rgb];
  /** Sea from the horizon to the bottom. */
  sea: readonly [Rgb, Rgb];
  sun: { x: number; y: number; r: number; color: Rgb; glow: number };
}

/** Before sunrise: deep blue over a pink horizon, the sun's rim on the sea. */
const FIRST: Scene = {
  sky: [
    [24, 30, 78],
    [222, 120, 132],
  ],
  sea: [
    [120, 80, 120],
    [18, 22, 52],
  ],
  sun: { x: 0.62, y: 0.6, r: 0.05, color: [255, 214, 170], glow: 0.5 },
};

/** Morning: a golden sky, the sun well above the horizon, its path on the water. */
const LAST: Scene = {
  sky: [
    [250, 190, 110],
    [255, 236, 190],
  ],
  sea: [
    [214, 150, 90],
    [70, 60, 80],
  ],
  sun: { x: 0.62, y: 0.32, r: 0.07, color: [255, 250, 225], glow: 0.9 },
};

/** The first and the last frame as PNG bytes. */
export function starterFrames(): { first: Buffer; last: Buffer } {
  return { first: png(FIRST), last: png(LAST) };
}

const HORIZON = 0.6;

function png(scene: Scene): Buffer {
  const w = FRAME_WIDTH;
  const h = FRAME_HEIGHT;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1); // each row starts with filter type 0 (none)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixel(scene, x / w, y / h);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function pixel(scene: Scene, u: number, v: number): Rgb {
  const { sun } = scene;
  const aspect = FRAME_WIDTH / FRAME_HEIGHT;
  let color: Rgb;
  if (v < HORIZON) {
    color = mix(scene.sky[0], scene.sky[1], v / HORIZON);
    const d = Math.hypot((u - sun.x) * aspect, v - sun.y);
    color = mix(color, sun.color, Math.min(1, sun.glow * Math.exp(-d / 0.12)));
    if (d < sun.r) color = sun.color;
  } else {
    const t = (v - HORIZON) / (1 - HORIZON);
    color = mix(scene.sea[0], scene.sea[1], t);
    // The sun's path: broken bands of light below it, narrowing toward the horizon.
    const band = Math.sin(v * 260 + Math.sin(u * 40) * 2) > 0.6 ? 1 : 0;
    const path = Math.exp(-Math.abs(u - sun.x) / (0.02 + t * 0.08));
    color = mix(color, sun.color, 0.7 * band * path);
  }
  return color;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.max(0, Math.min(1, t));
  return [
    Math.round(a[0] + (b[0] - a[0]) * k),
    Math.round(a[1] + (b[1] - a[1]) * k),
    Math.round(a[2] + (b[2] - a[2]) * k),
  ];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0, 0);
  return Buffer.concat([length, body, crc]);
}
