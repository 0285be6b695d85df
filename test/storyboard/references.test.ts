// Shot references ({shot, frame}) read alike on both parsing paths, resolve to `upstream` by request field, and leave plain storyboards as they were.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fastParse } from "../../src/storyboard/fast-parse.js";
import { loadSource } from "../../src/storyboard/load.js";
import { loadStoryboard, validateStoryboard } from "../../src/storyboard/index.js";
import { PNG, useFrameDir } from "./helpers.js";

const sha = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
const frames = useFrameDir();

const CHAIN = [
  "version: 1",
  "defaults:",
  "  model: google/veo-3.1-i2v-fast",
  "  duration: 6",
  "shots:",
  "  - id: dawn",
  "    first_frame: frames/dawn.png",
  "    prompt: Mist lifts off the harbour.",
  "  - id: boats",
  "    first_frame: { shot: dawn, frame: last }",
  "    prompt: The fishing boats head out.",
  "  - id: gull",
  "    model: google/veo-3.1-first-last-image-to-video-fast",
  "    first_frame:",
  "      shot: boats",
  "      frame: 2.5",
  "    last_frame: frames/noon.png",
  "    prompt: A gull crosses to the lighthouse.",
  "  - id: tail",
  "    first_frame: {shot: gull}",
  "    prompt: The lighthouse at dusk.",
  "",
].join("\n");

describe("shot references", () => {
  it("are read alike by the fast and the exact path (block and flow mappings, frame left out)", async () => {
    const file = await frames.write("chain.yaml", CHAIN);
    const fast = await loadSource(file, { exact: false });
    const exact = await loadSource(file, { exact: true });
    expect(fast.fast).toBe(true);
    expect(fast.data).toEqual(exact.data);
    const shots = (exact.data as { shots: Record<string, unknown>[] }).shots;
    expect(shots.map((s) => s.first_frame)).toEqual([
      "frames/dawn.png",
      { shot: "dawn", frame: "last" },
      { shot: "boats", frame: 2.5 },
      { shot: "gull" },
    ]);
    expect(fastParse(CHAIN)?.data).toEqual(exact.data);
  });

  it("validate and resolve: upstream by request field, absent from frames, frame defaulting to last", async () => {
    const file = await frames.write("chain.yaml", CHAIN);
    expect(await validateStoryboard(file)).toEqual([]);
    const board = await loadStoryboard(file);
    const [dawn, boats, gull, tail] = board.shots;
    expect(dawn?.upstream).toBeUndefined();
    expect(dawn && "upstream" in dawn).toBe(false);
    expect(boats?.upstream).toEqual({ image_url: { shot: "dawn", frame: "last" } });
    expect(boats?.frames).toEqual({});
    expect(gull?.upstream).toEqual({ image_url: { shot: "boats", frame: 2.5 } });
    expect(Object.keys(gull?.frames ?? {})).toEqual(["last_image_url"]);
    expect(tail?.upstream).toEqual({ image_url: { shot: "gull", frame: "last" } });
    expect(board.shots.map((s) => [s.line, s.column])).toEqual([
      [6, 5],
      [9, 5],
      [12, 5],
      [19, 5],
    ]);
  });

  it("an unbound dependent's hash covers its fields, local frames and the reference", async () => {
    const file = await frames.write("chain.yaml", CHAIN);
    const gull = (await loadStoryboard(file)).shots[2];
    const canonical = JSON.stringify({
      fields: {
        duration: 6,
        model: "google/veo-3.1-first-last-image-to-video-fast",
        prompt: "A gull crosses to the lighthouse.",
      },
      frames: { last_image_url: sha(Buffer.concat([PNG, Buffer.from("noon")])) },
      upstream: { image_url: { frame: 2.5, shot: "boats" } },
    });
    expect(gull?.inputHash).toBe(sha(canonical));
  });

  it("the hash follows what is referenced: another shot or another frame is another input", async () => {
    const hashOf = async (ref: string): Promise<string | undefined> => {
      const text = CHAIN.replace("{ shot: dawn, frame: last }", ref);
      return (await loadStoryboard(await frames.write("variant.yaml", text))).shots[1]?.inputHash;
    };
    const last = await hashOf("{ shot: dawn, frame: last }");
    expect(await hashOf("{ shot: dawn }")).toBe(last); // the default pick is last
    expect(await hashOf("{frame: last, shot: dawn}")).toBe(last); // key order does not matter
    expect(await hashOf("{ shot: dawn, frame: first }")).not.toBe(last);
    expect(await hashOf("{ shot: dawn, frame: 3 }")).not.toBe(last);
    const gullOn = async (shot: string): Promise<string | undefined> => {
      const text = CHAIN.replace("      shot: boats", `      shot: ${shot}`);
      return (await loadStoryboard(await frames.write("variant.yaml", text))).shots[2]?.inputHash;
    };
    expect(await gullOn("dawn")).not.toBe(await gullOn("boats"));
  });

  it("a storyboard without references resolves exactly as before (input hashes of the examples)", async () => {
    const harbour = await loadStoryboard("examples/storyboards/harbour.yaml");
    const t2v = await loadStoryboard("examples/storyboards/text-to-video.yaml");
    // Computed by the loader before references existed (commit 887324b): any change here re-renders users' films.
    expect(harbour.shots.map((s) => [s.id, s.inputHash])).toEqual([
      ["dawn", "fb83a2c624cc36f2c2f58016d1beb24d4578e7f3688bd008563e7cecdd8734a8"],
      ["lighthouse", "cf408bac90293c3db4ac3992008124989c1c80c36b0faad22648973fe7f21e64"],
      ["mona", "cea7120a02f48694ee90aa82869ad934c6d061493bd751cbe6d0bc802944e7bf"],
    ]);
    expect(t2v.shots.map((s) => [s.id, s.inputHash])).toEqual([
      ["storm", "80343da70f4c231fddad0c5f62b9fcb73150aa9149aec455295042f52759a2b9"],
      ["calm", "d3357467535a78239dede1c7d34263c8d29a2273b834581d7fe9332453856b38"],
    ]);
    for (const shot of [...harbour.shots, ...t2v.shots]) expect("upstream" in shot).toBe(false);
  });

  it("the chained example resolves: boats after dawn, gull after boats, ending on the lighthouse", async () => {
    const board = await loadStoryboard("examples/storyboards/chain.yaml");
    expect(board.shots.map((s) => [s.id, s.model, s.upstream ?? null, Object.keys(s.frames)])).toEqual([
      ["dawn", "google/veo-3.1-i2v-fast", null, ["image_url"]],
      ["boats", "google/veo-3.1-i2v-fast", { image_url: { shot: "dawn", frame: "last" } }, []],
      [
        "gull",
        "google/veo-3.1-first-last-image-to-video-fast",
        { image_url: { shot: "boats", frame: "last" } },
        ["last_image_url"],
      ],
    ]);
  });
});
