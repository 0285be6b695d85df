// Draws the demo storyboard's frame images with ffmpeg (lavfi color + geq gradients and shapes), reproducibly.
// Run: node --import tsx scripts/make-example-frames.ts [outDir]   (default: examples/storyboards/frames)
import { mkdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runFfmpeg } from "../src/media/index.js";

type Rgb = readonly [number, number, number];
type Channel = 0 | 1 | 2;
type Box = readonly [number, number, number, number];
type Paint = (c: Channel) => string;

/** A mask expression in 0..1 and, when it is local, the box outside which it is 0. */
interface Shape {
  mask: string;
  box?: Box;
}

/** A shape painted over what is below it. */
interface Layer extends Shape {
  color: Paint;
}

const W = 1280;
const H = 720;
const HORIZON = Math.round(0.62 * H);

const solid =
  (rgb: Rgb): Paint =>
  (c) =>
    String(rgb[c]);

/** Piecewise-linear gradient along `t` (0..1) through colour stops. */
function gradient(t: string, stops: readonly (readonly [number, Rgb])[]): Paint {
  return (c) => {
    const last = stops[stops.length - 1];
    let expr = String(last === undefined ? 0 : last[1][c]);
    for (let i = stops.length - 2; i >= 0; i -= 1) {
      const [p0, c0] = stops[i] ?? [0, [0, 0, 0]];
      const [p1, c1] = stops[i + 1] ?? [1, [0, 0, 0]];
      const local = `clip((${t}-${p0})/${p1 - p0},0,1)`;
      expr = `if(lt(${t},${p1}),${c0[c]}+(${c1[c] - c0[c]})*${local},${expr})`;
    }
    return expr;
  };
}

const soft = (distance: string, feather: number): string => `clip((${distance})/${feather},0,1)`;

function circle(cx: number, cy: number, r: number, feather = 2): Shape {
  return {
    mask: soft(`${r}-hypot(X-${cx},Y-${cy})`, feather),
    box: [cx - r - 2, cy - r - 2, cx + r + 2, cy + r + 2],
  };
}

function ellipse(cx: number, cy: number, rx: number, ry: number, feather = 2): Shape {
  const mask = soft(`(1-hypot((X-${cx})/${rx},(Y-${cy})/${ry}))*${Math.min(rx, ry)}`, feather);
  return { mask, box: [cx - rx - 2, cy - ry - 2, cx + rx + 2, cy + ry + 2] };
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return { mask: "1", box: [x0, y0, x1, y1] };
}

/** Everything below the curve y = f(X), from `top` (the curve's highest point) down. */
function below(curve: string, top: number, feather = 2): Shape {
  return { mask: soft(`Y-(${curve})`, feather), box: [0, top, W, H] };
}

/** A trapezoid: top edge at y0 spanning `top`, bottom edge at y1 spanning `bottom`. */
function trapezoid(y0: number, y1: number, top: [number, number], bottom: [number, number]): Shape {
  const t = `((Y-${y0})/${y1 - y0})`;
  const left = `(${top[0]}+(${bottom[0] - top[0]})*${t})`;
  const right = `(${top[1]}+(${bottom[1] - top[1]})*${t})`;
  const box: Box = [Math.min(top[0], bottom[0]), y0, Math.max(top[1], bottom[1]), y1];
  return { mask: `gte(X,${left})*lte(X,${right})`, box };
}

/** A soft radial glow reaching about 4 × `scale` pixels. */
function glow(cx: number, cy: number, scale: number, strength: number, cap: number): Shape {
  const reach = scale * 4;
  return {
    mask: `min(${cap},${strength}*exp(-hypot(X-${cx},Y-${cy})/${scale}))`,
    box: [cx - reach, cy - reach, cx + reach, cy + reach],
  };
}

const scaled = (shape: Shape, factor: number | string): Shape => ({
  ...shape,
  mask: `${factor}*(${shape.mask})`,
});

/** Paints layers in order into register 0, evaluating each only inside its box (geq's if() is lazy). */
function paint(base: Paint, layers: readonly Layer[]): [string, string, string] {
  const channel = (c: Channel): string => {
    const steps = layers.map(({ mask, color, box }) => {
      const blend = `st(1,${mask});ld(0)*(1-ld(1))+(${color(c)})*ld(1)`;
      if (box === undefined) return `st(0,${blend})`;
      const [x0, y0, x1, y1] = box.map((v) => Math.round(v));
      return `st(0,if(between(X,${x0},${x1})*between(Y,${y0},${y1}),${blend},ld(0)))`;
    });
    return [`st(0,${base(c)})`, ...steps, "clip(ld(0),0,255)"].join(";");
  };
  return [channel(0), channel(1), channel(2)];
}

function harbourDawn(): [string, string, string] {
  const sunX = Math.round(0.68 * W);
  const sunY = HORIZON - 30;
  const sky = gradient(`Y/${HORIZON}`, [
    [0, [38, 28, 84]],
    [0.55, [196, 92, 118]],
    [1, [255, 176, 96]],
  ]);
  const sea = gradient(`(Y-${HORIZON})/${H - HORIZON}`, [
    [0, [150, 92, 110]],
    [1, [28, 22, 56]],
  ]);
  const reflection = `gt(sin(Y*0.55+2.5*sin(X*0.03)),0.75)*exp(-abs(X-${sunX})/(30+(Y-${HORIZON})*0.7))`;
  const hull = solid([30, 20, 42]);
  return paint(sky, [
    { ...below(`${HORIZON}`, HORIZON - 1, 1), color: sea },
    {
      ...glow(sunX, sunY, 90, 0.9, 0.85),
      box: [sunX - 360, sunY - 360, sunX + 360, HORIZON],
      color: solid([255, 204, 140]),
    },
    {
      ...circle(sunX, sunY, 46),
      box: [sunX - 48, sunY - 48, sunX + 48, HORIZON],
      color: solid([255, 236, 190]),
    },
    { mask: `0.8*${reflection}`, box: [0, HORIZON + 1, W, H], color: solid([255, 200, 140]) },
    // Harbour wall and two moored boats in silhouette.
    { ...rect(0, HORIZON - 18, 0.34 * W, HORIZON + 6), color: solid([44, 30, 58]) },
    { ...trapezoid(HORIZON + 60, HORIZON + 92, [0.16 * W, 0.36 * W], [0.19 * W, 0.33 * W]), color: hull },
    { ...rect(0.255 * W, HORIZON - 70, 0.26 * W, HORIZON + 60), color: hull },
    { ...trapezoid(HORIZON + 120, HORIZON + 150, [0.44 * W, 0.58 * W], [0.46 * W, 0.56 * W]), color: hull },
    { ...rect(0.506 * W, HORIZON + 40, 0.511 * W, HORIZON + 120), color: hull },
  ]);
}

function harbourNoon(): [string, string, string] {
  const sky = gradient(`Y/${HORIZON}`, [
    [0, [36, 104, 196]],
    [1, [168, 214, 245]],
  ]);
  const sea = gradient(`(Y-${HORIZON})/${H - HORIZON}`, [
    [0, [56, 150, 180]],
    [1, [14, 72, 112]],
  ]);
  const ripples = `gt(sin(Y*0.7+3*sin(X*0.025)),0.85)`;
  const cloud = solid([250, 252, 255]);
  const mast = solid([90, 60, 40]);
  return paint(sky, [
    { ...glow(0.22 * W, 0.14 * H, 70, 1, 0.9), color: solid([255, 252, 225]) },
    { ...circle(0.22 * W, 0.14 * H, 38), color: solid([255, 255, 240]) },
    { ...scaled(ellipse(0.62 * W, 0.18 * H, 120, 26, 14), 0.9), color: cloud },
    { ...scaled(ellipse(0.69 * W, 0.15 * H, 80, 30, 14), 0.9), color: cloud },
    { ...below(`${HORIZON}`, HORIZON - 1, 1), color: sea },
    { mask: `0.35*${ripples}`, box: [0, HORIZON + 1, W, H], color: solid([220, 240, 250]) },
    // Quay, houses and boats in full colour.
    { ...rect(0, HORIZON - 26, 0.4 * W, HORIZON + 10), color: solid([150, 140, 128]) },
    { ...rect(0.03 * W, HORIZON - 110, 0.11 * W, HORIZON - 26), color: solid([232, 196, 120]) },
    { ...rect(0.12 * W, HORIZON - 90, 0.2 * W, HORIZON - 26), color: solid([214, 96, 76]) },
    { ...rect(0.21 * W, HORIZON - 120, 0.28 * W, HORIZON - 26), color: solid([236, 232, 220]) },
    {
      ...trapezoid(HORIZON + 60, HORIZON + 96, [0.2 * W, 0.4 * W], [0.23 * W, 0.37 * W]),
      color: solid([200, 50, 44]),
    },
    { ...rect(0.295 * W, HORIZON - 40, 0.3 * W, HORIZON + 60), color: mast },
    {
      ...trapezoid(HORIZON + 130, HORIZON + 168, [0.5 * W, 0.68 * W], [0.52 * W, 0.66 * W]),
      color: solid([250, 250, 245]),
    },
    { ...rect(0.588 * W, HORIZON + 30, 0.593 * W, HORIZON + 130), color: mast },
  ]);
}

function lighthouse(): [string, string, string] {
  const sky = gradient(`Y/${H}`, [
    [0, [70, 120, 190]],
    [0.6, [236, 190, 150]],
    [1, [250, 214, 170]],
  ]);
  const towerX = Math.round(0.72 * W);
  const towerTop = Math.round(0.22 * H);
  const towerBase = Math.round(0.6 * H);
  // The cliff rises from the sea on the left to the lighthouse's plateau on the right.
  const cliffTop = `${0.74 * H - 16}-100*clip((X-${0.5 * W})/180,0,1)+5*sin(X/37)`;
  const cliffShape: Shape = {
    mask: `${soft(`Y-(${cliffTop})`, 2)}*clip((X-${0.47 * W}+(${0.74 * H}-Y)*0.4)/2,0,1)`,
    box: [0.46 * W, 0.74 * H - 120, W, H],
  };
  const sea = gradient(`(Y-${0.74 * H})/${0.26 * H}`, [
    [0, [70, 110, 150]],
    [1, [30, 60, 96]],
  ]);
  const grass = gradient(`(Y-${0.58 * H})/${0.42 * H}`, [
    [0, [92, 118, 64]],
    [0.25, [98, 88, 70]],
    [1, [60, 52, 46]],
  ]);
  const tower = trapezoid(towerTop, towerBase, [towerX - 26, towerX + 26], [towerX - 44, towerX + 44]);
  const beam = `0.55*clip(1-abs((Y-${towerTop - 24})-(X-${towerX})*0.18)/(8+abs(X-${towerX})*0.16),0,1)`;
  return paint(sky, [
    { ...below(`${0.74 * H}`, 0.74 * H - 1, 1), color: sea },
    {
      mask: `0.3*gt(sin(Y*0.8+3*sin(X*0.02)),0.9)`,
      box: [0, 0.74 * H + 1, W, H],
      color: solid([200, 220, 235]),
    },
    { mask: beam, box: [0, 0, towerX, towerTop + 20], color: solid([255, 240, 180]) },
    { ...cliffShape, color: grass },
    { ...tower, color: solid([245, 245, 240]) },
    { ...tower, mask: `${tower.mask}*lt(mod(Y-${towerTop},80),30)`, color: solid([196, 40, 40]) },
    { ...rect(towerX - 30, towerTop - 40, towerX + 30, towerTop), color: solid([60, 60, 64]) },
    { ...rect(towerX - 22, towerTop - 36, towerX + 22, towerTop - 6), color: solid([255, 236, 150]) },
    { ...glow(towerX, towerTop - 22, 40, 0.9, 0.8), color: solid([255, 240, 180]) },
    {
      ...trapezoid(towerTop - 62, towerTop - 40, [towerX - 4, towerX + 4], [towerX - 36, towerX + 36]),
      color: solid([150, 30, 30]),
    },
  ]);
}

function mona(): [string, string, string] {
  const cx = W / 2;
  const landscape = gradient(`Y/${H}`, [
    [0, [120, 140, 120]],
    [0.45, [150, 160, 120]],
    [1, [70, 80, 50]],
  ]);
  const hills = gradient(`(Y-${0.45 * H})/${0.55 * H}`, [
    [0, [96, 112, 82]],
    [1, [54, 62, 40]],
  ]);
  const skin = gradient(`(X-${cx - 100})/200`, [
    [0, [236, 196, 146]],
    [1, [196, 150, 104]],
  ]);
  const hair = solid([44, 30, 22]);
  const eye = solid([60, 40, 30]);
  const path = `0.6*clip(1-abs(X-(${0.2 * W}+60*sin(Y/40)))/12,0,1)*clip((Y-${0.55 * H})/60,0,1)`;
  return paint(landscape, [
    { ...below(`${0.5 * H}+40*sin(X/140)+20*sin(X/53)`, 0.5 * H - 62, 6), color: hills },
    { mask: path, box: [0.2 * W - 75, 0.55 * H, 0.2 * W + 75, H], color: solid([190, 170, 120]) },
    // Dress and shoulders.
    { ...ellipse(cx, H + 60, 330, 300, 3), color: solid([40, 34, 30]) },
    { ...trapezoid(0.72 * H, H, [cx - 60, cx + 60], [cx - 150, cx + 150]), color: solid([60, 44, 32]) },
    // Hair falling to the shoulders, neck, face.
    { ...ellipse(cx, 0.44 * H, 150, 215, 3), color: hair },
    { ...rect(cx - 40, 0.55 * H, cx + 40, 0.74 * H), color: solid([214, 170, 120]) },
    { ...ellipse(cx, 0.4 * H, 100, 138, 3), color: skin },
    // Eyes and a faint smile.
    { ...ellipse(cx - 38, 0.37 * H, 15, 7, 1.5), color: eye },
    { ...ellipse(cx + 38, 0.37 * H, 15, 7, 1.5), color: eye },
    {
      ...ellipse(cx, 0.5 * H, 34, 10, 1.5),
      box: [cx - 36, 0.5 * H, cx + 36, 0.5 * H + 12],
      color: solid([150, 80, 70]),
    },
    // Folded hands.
    { ...ellipse(cx - 40, 0.93 * H, 70, 30, 2), color: solid([222, 180, 130]) },
    { ...ellipse(cx + 40, 0.95 * H, 70, 28, 2), color: solid([210, 168, 120]) },
    // A soft dark vignette (sfumato).
    { mask: `0.55*clip((hypot(X-${cx},(Y-${H / 2})*1.6)-520)/420,0,1)`, color: solid([24, 26, 18]) },
  ]);
}

async function draw(out: string, rgb: [string, string, string], encode: readonly string[]): Promise<void> {
  const [r, g, b] = rgb;
  const graph = `format=rgb24,geq=r='${r}':g='${g}':b='${b}'`;
  // One filter thread: geq's st()/ld() registers are shared between slice threads.
  const input = ["-filter_threads", "1", "-f", "lavfi", "-i", `color=c=black:s=${W}x${H}`];
  await runFfmpeg([...input, "-vf", graph, "-frames:v", "1", ...encode, out]);
}

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join("examples", "storyboards", "frames"));
  await mkdir(outDir, { recursive: true });
  const png = ["-pix_fmt", "rgb24", "-c:v", "png", "-pred", "mixed", "-f", "image2"];
  const jpg = ["-pix_fmt", "yuvj420p", "-q:v", "5", "-c:v", "mjpeg", "-f", "image2"];
  const frames: [string, [string, string, string], string[]][] = [
    ["harbour-dawn.png", harbourDawn(), png],
    ["harbour-noon.png", harbourNoon(), png],
    ["lighthouse.png", lighthouse(), png],
    ["mona.jpg", mona(), jpg],
  ];
  await Promise.all(
    frames.map(async ([name, rgb, encode]) => {
      const out = join(outDir, name);
      await draw(out, rgb, encode);
      process.stdout.write(`${out}: ${(await stat(out)).size} bytes\n`);
    }),
  );
}

await main();
