// Planning chained shots: --shard keeps each chain on one runner; an unchanged upstream settles its dependents.
import { afterEach, describe, expect, it } from "vitest";
import { prepareRun } from "../../src/commands/render/prepare.js";
import { makeWorkspace } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

/** Eight chains of three shots (cN-a → cN-b → cN-c) and eight shots alone. */
function manyChains(): string {
  const shots: string[] = [];
  for (let n = 0; n < 8; n++) {
    shots.push(
      `  - id: c${n}-a\n    first_frame: frames/f0.png\n    last_frame: frames/f1.png\n    prompt: "a"`,
    );
    shots.push(
      `  - id: c${n}-b\n    first_frame: { shot: c${n}-a }\n    last_frame: frames/f2.png\n    prompt: "b"`,
    );
    shots.push(
      `  - id: c${n}-c\n    first_frame: { shot: c${n}-b, frame: first }\n    last_frame: frames/f3.png\n    prompt: "c"`,
    );
    shots.push(
      `  - id: alone-${n}\n    first_frame: frames/f1.png\n    last_frame: frames/f0.png\n    prompt: "x"`,
    );
  }
  return `version: 1\noutput: out\ndefaults:\n  model: google/veo-3.1-first-last-image-to-video-fast\n  duration: 4\nshots:\n${shots.join("\n")}\n`;
}

describe("planning chained shots", () => {
  it("--shard i/n keeps every chain on one runner, and every shot on exactly one", async () => {
    ws = await makeWorkspace(manyChains());
    for (const count of [2, 3, 4]) {
      const owner = new Map<string, number>();
      for (let index = 1; index <= count; index++) {
        const { plan } = await prepareRun({
          storyboard: ws.storyboard,
          selection: { shard: { index, count } },
        });
        for (const e of plan.entries) if (e.action !== "excluded") owner.set(e.shot.id, index);
      }
      expect(owner.size).toBe(32);
      for (let n = 0; n < 8; n++) {
        const runners = new Set(["a", "b", "c"].map((s) => owner.get(`c${n}-${s}`)));
        expect(runners.size, `chain c${n} with ${count} runners`).toBe(1);
      }
    }
  });

  it("a fresh folder: dependents render after their upstream, and say so", async () => {
    ws = await makeWorkspace(manyChains());
    const { plan, after } = await prepareRun({ storyboard: ws.storyboard });
    expect(plan.entries.every((e) => e.action === "submit")).toBe(true);
    expect(after.get("c0-b")).toEqual(["c0-a"]);
    expect(after.get("c0-c")).toEqual(["c0-b"]);
    expect(after.has("c0-a")).toBe(false);
    expect(after.has("alone-0")).toBe(false);
  });
});
