// Binding an upstream clip's frame makes a dependent hash exactly like a shot with that frame as a local file.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bindUpstreamFrames,
  buildRequestBody,
  buildShotGraph,
  loadStoryboard,
  requestRecord,
  shotDependencies,
} from "../../src/storyboard/index.js";
import type { FrameRef, ResolvedShot } from "../../src/storyboard/index.js";
import { hasCode } from "../../src/util/errors.js";
import { useFrameDir } from "./helpers.js";

const sha = (data: Buffer): string => createHash("sha256").update(data).digest("hex");
const frames = useFrameDir();

/** dawn, then `second` written with the given first and last frames (values as YAML). */
async function board(name: string, first: string, last: string): Promise<ResolvedShot[]> {
  const text = [
    "version: 1",
    "defaults:",
    "  model: google/veo-3.1-first-last-image-to-video-fast",
    "  duration: 6",
    "shots:",
    "  - id: dawn",
    "    prompt: p",
    "    first_frame: frames/dawn.png",
    "    last_frame: frames/noon.png",
    "  - id: second",
    "    prompt: q",
    `    first_frame: ${first}`,
    `    last_frame: ${last}`,
    "",
  ].join("\n");
  await writeFile(join(frames.dir, name), text);
  return (await loadStoryboard(join(frames.dir, name))).shots;
}

/** A frame as render-chain binds it: a PNG extracted under the output folder. */
async function extracted(file: string): Promise<FrameRef> {
  const bytes = await readFile(join(frames.dir, "frames", file));
  return {
    source: `.storyreel/frames/${sha(bytes)}-last.png`,
    kind: "file",
    sha256: sha(bytes),
    mime: "image/png",
    bytes: bytes.length,
    absPath: join(frames.dir, "frames", file),
  };
}

describe("bindUpstreamFrames", () => {
  it("a bound dependent hashes exactly like the same shot with those frames as local files", async () => {
    const [, chained] = await board("chained.yaml", "{ shot: dawn }", "{ shot: dawn, frame: first }");
    const [, plain] = await board("plain.yaml", "frames/noon.png", "frames/dawn.png");
    if (!chained || !plain) throw new Error("shots missing");
    expect(chained.frames).toEqual({});
    expect(chained.inputHash).not.toBe(plain.inputHash);

    const half = bindUpstreamFrames(chained, { image_url: await extracted("noon.png") });
    expect(half.inputHash).not.toBe(chained.inputHash);
    expect(half.inputHash).not.toBe(plain.inputHash);

    const bound = bindUpstreamFrames(half, { last_image_url: await extracted("dawn.png") });
    expect(bound.inputHash).toBe(plain.inputHash);
    expect(
      bindUpstreamFrames(chained, {
        image_url: await extracted("noon.png"),
        last_image_url: await extracted("dawn.png"),
      }).inputHash,
    ).toBe(plain.inputHash);
    expect(bound.upstream).toEqual(chained.upstream);
    expect(bound.fields).toEqual(plain.fields);
    expect(Object.keys(bound.frames).sort()).toEqual(["image_url", "last_image_url"]);
    // Another upstream clip (other frame bytes) is another input.
    const other = bindUpstreamFrames(chained, {
      image_url: await extracted("dawn.png"),
      last_image_url: await extracted("dawn.png"),
    });
    expect(other.inputHash).not.toBe(plain.inputHash);
    // The shot given is left as it was.
    expect(chained.frames).toEqual({});
  });

  it("keeps a local frame beside a bound one, and refuses a field that is not an upstream frame", async () => {
    const [dawn, chained] = await board("mixed.yaml", "{ shot: dawn }", "frames/dawn.png");
    const [, plain] = await board("mixed-plain.yaml", "frames/noon.png", "frames/dawn.png");
    if (!dawn || !chained || !plain) throw new Error("shots missing");
    expect(Object.keys(chained.frames)).toEqual(["last_image_url"]);
    const bound = bindUpstreamFrames(chained, { image_url: await extracted("noon.png") });
    expect(bound.inputHash).toBe(plain.inputHash);
    let thrown: unknown;
    try {
      bindUpstreamFrames(chained, { last_image_url: await extracted("noon.png") });
    } catch (err) {
      thrown = err;
    }
    expect(hasCode(thrown, "E_UPSTREAM_FIELD")).toBe(true);
    expect(() => bindUpstreamFrames(dawn, { image_url: dawn.frames.image_url! })).toThrow(
      /its upstream fields: none/,
    );
  });

  it("a body is never built before its upstream frames are bound; once bound it is sent like a local frame", async () => {
    const [, chained] = await board("body.yaml", "{ shot: dawn }", "frames/dawn.png");
    const [, plain] = await board("body-plain.yaml", "frames/noon.png", "frames/dawn.png");
    if (!chained || !plain) throw new Error("shots missing");
    let thrown: unknown;
    await buildRequestBody(chained).catch((err: unknown) => {
      thrown = err;
    });
    expect(hasCode(thrown, "E_UPSTREAM_UNBOUND")).toBe(true);
    expect(String(thrown)).toContain('image_url from shot "dawn" (last)');
    const bound = bindUpstreamFrames(chained, { image_url: await extracted("noon.png") });
    expect(await buildRequestBody(bound)).toEqual(await buildRequestBody(plain));
    expect(requestRecord(bound).image_url).toEqual({
      source: bound.frames.image_url?.source,
      sha256: plain.frames.image_url?.sha256,
    });
  });
});

describe("shotDependencies", () => {
  it("one edge per shot and upstream shot, for buildShotGraph", async () => {
    const text = [
      "version: 1",
      "defaults:",
      "  model: google/veo-3.1-first-last-image-to-video-fast",
      "shots:",
      "  - { id: a, prompt: p, first_frame: frames/dawn.png, last_frame: frames/noon.png }",
      "  - { id: b, prompt: p, first_frame: { shot: a }, last_frame: { shot: a, frame: first } }",
      "  - { id: c, prompt: p, first_frame: { shot: b }, last_frame: { shot: a, frame: 1 } }",
      "  - { id: d, prompt: p, first_frame: frames/dawn.png, last_frame: frames/noon.png }",
      "",
    ].join("\n");
    await writeFile(join(frames.dir, "graph.yaml"), text);
    const shots = (await loadStoryboard(join(frames.dir, "graph.yaml"))).shots;
    const edges = shotDependencies(shots);
    expect(edges).toEqual([
      { id: "b", on: "a" },
      { id: "c", on: "b" },
      { id: "c", on: "a" },
    ]);
    const graph = buildShotGraph(
      shots.map((s) => s.id),
      edges,
    );
    expect(graph.cycles).toEqual([]);
    expect(graph.upstream("c")).toEqual(["a", "b"]);
    expect(graph.chainLength("a")).toBe(3);
    expect(graph.group("d")).toBe("d");
  });
});
