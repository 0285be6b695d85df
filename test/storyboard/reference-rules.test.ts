// Every problem with a shot reference is found before anything is sent: where it is written, a stable code, and what is allowed.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateStoryboard } from "../../src/storyboard/index.js";
import { useFrameDir } from "./helpers.js";

const frames = useFrameDir();

const HEAD = ["version: 1", "defaults:", "  model: google/veo-3.0-i2v-fast", "  duration: 6", "shots:"];
const DAWN = ["  - id: dawn", "    prompt: p", "    first_frame: frames/dawn.png"];

/** "line:column code path: message" for each diagnostic of the storyboard made of `lines`. */
async function problems(name: string, lines: readonly string[]): Promise<string[]> {
  const file = join(frames.dir, name);
  await writeFile(file, `${lines.join("\n")}\n`);
  return (await validateStoryboard(file)).map(
    (d) => `${d.line}:${d.column} ${d.code} ${d.path}: ${d.message}`,
  );
}

describe("reference rules", () => {
  it("an unknown shot id, with the nearest ids suggested", async () => {
    const got = await problems("unknown.yaml", [
      ...HEAD,
      ...DAWN,
      "  - id: boats",
      "    prompt: q",
      "    first_frame: { shot: dwan, frame: last }",
    ]);
    expect(got).toEqual([
      `11:26 reference-unknown-shot shots[1].first_frame.shot: first_frame names shot "dwan", which is not in this storyboard (did you mean "dawn"?; a reference names another shot's id)`,
    ]);
  });

  it("an unknown shot id with nothing near lists the other shots", async () => {
    const got = await problems("unknown-far.yaml", [
      ...HEAD,
      ...DAWN,
      "  - id: boats",
      "    prompt: q",
      "    first_frame:",
      "      shot: lighthouse",
    ]);
    expect(got).toEqual([
      `12:13 reference-unknown-shot shots[1].first_frame.shot: first_frame names shot "lighthouse", which is not in this storyboard (shots: dawn; a reference names another shot's id)`,
    ]);
  });

  it("a shot referring to itself", async () => {
    const got = await problems("self.yaml", [
      ...HEAD,
      "  - id: loop",
      "    prompt: p",
      "    first_frame: { shot: loop, frame: first }",
    ]);
    expect(got).toEqual([
      `8:26 reference-self shots[0].first_frame.shot: first_frame names shot "loop", the shot itself: a shot cannot take a frame of its own clip (name another shot, or give an image)`,
    ]);
  });

  it("a cycle is named whole, each shot with its line, once, at the first shot's reference", async () => {
    const got = await problems("cycle.yaml", [
      ...HEAD,
      ...DAWN,
      "  - id: a",
      "    prompt: q",
      "    first_frame: { shot: c }",
      "  - id: b",
      "    prompt: q",
      "    first_frame: { shot: a, frame: 2 }",
      "  - id: c",
      "    prompt: q",
      "    first_frame: { shot: b }",
      "  - id: after",
      "    prompt: q",
      "    first_frame: { shot: c }",
    ]);
    expect(got).toEqual([
      `11:26 reference-cycle shots[1].first_frame.shot: first_frame names shot "c", which closes a cycle: "a" (line 9) takes a frame of "c" (line 15), which takes a frame of "b" (line 12), which takes a frame of "a"; none of them can be rendered first (give one of them an image instead of a reference)`,
    ]);
  });

  it("two shots taking each other's frames (first and last) are a cycle of two", async () => {
    const got = await problems("cycle-two.yaml", [
      "version: 1",
      "defaults:",
      "  model: google/veo-3.1-first-last-image-to-video-fast",
      "shots:",
      "  - id: x",
      "    prompt: p",
      "    first_frame: frames/dawn.png",
      "    last_frame: { shot: y, frame: first }",
      "  - id: y",
      "    prompt: q",
      "    first_frame: { shot: x }",
      "    last_frame: frames/noon.png",
    ]);
    expect(got).toEqual([
      `8:25 reference-cycle shots[0].last_frame.shot: last_frame names shot "y", which closes a cycle: "x" (line 5) takes a frame of "y" (line 9), which takes a frame of "x"; none of them can be rendered first (give one of them an image instead of a reference)`,
    ]);
  });

  it("a time past the referenced shot's duration (its own, or its model's default)", async () => {
    const got = await problems("late.yaml", [
      ...HEAD,
      ...DAWN,
      "  - id: late",
      "    prompt: q",
      "    first_frame: { shot: dawn, frame: 6.5 }",
      "  - id: end",
      "    prompt: q",
      "    first_frame: { shot: dawn, frame: 6 }",
      "  - id: free",
      "    model: google/veo-3.1-i2v-fast",
      "    duration: null",
      "    prompt: q",
      "    first_frame: frames/dawn.png",
      "  - id: past-default",
      "    prompt: q",
      "    first_frame: { shot: free, frame: 8.25 }",
    ]);
    expect(got).toEqual([
      `11:39 reference-time-past-end shots[1].first_frame.frame: first_frame takes frame 6.5 (seconds) of shot "dawn", whose clip is 6 seconds long: use a time from 0 to 6, or last`,
      `22:39 reference-time-past-end shots[4].first_frame.frame: first_frame takes frame 8.25 (seconds) of shot "free", whose clip is 8 seconds long: use a time from 0 to 8, or last`,
    ]);
  });

  it("a reference on a model that takes no such frame: the same message as a local frame", async () => {
    const lines = (frame: string): string[] => [
      ...HEAD,
      ...DAWN,
      "  - id: t2v",
      "    model: google/veo-3.1-t2v-fast",
      "    prompt: q",
      `    first_frame: ${frame}`,
    ];
    const ref = await problems("t2v-ref.yaml", lines("{ shot: dawn }"));
    const local = await problems("t2v-local.yaml", lines("frames/dawn.png"));
    expect(ref).toEqual([
      "12:18 field-not-taken shots[1].first_frame: google/veo-3.1-t2v-fast takes no first frame (it makes video from the prompt alone)",
    ]);
    expect(ref).toEqual(local);
    const last = await problems("no-last.yaml", [
      ...HEAD,
      ...DAWN,
      "  - id: b",
      "    prompt: q",
      "    first_frame: frames/dawn.png",
      "    last_frame: { shot: dawn }",
    ]);
    expect(last).toHaveLength(1);
    expect(last[0]).toMatch(
      /^12:17 field-not-taken shots\[1\]\.last_frame: google\/veo-3\.0-i2v-fast takes no last frame \(remove last_frame/,
    );
  });

  it("a reference in defaults or a model's defaults is refused: it would make the shot refer to itself", async () => {
    const got = await problems("defaults.yaml", [
      "version: 1",
      "defaults:",
      "  model: google/veo-3.0-i2v-fast",
      "  first_frame: { shot: dawn, frame: last }",
      "  models:",
      "    google/veo-3.1-first-last-image-to-video-fast:",
      "      last_frame: { shot: dawn }",
      "shots:",
      ...DAWN,
    ]);
    expect(got).toEqual([
      `4:16 reference-in-defaults defaults.first_frame: first_frame in defaults cannot name a shot: defaults apply to every shot, so shot "dawn" would take a frame of its own clip (write first_frame: {shot: dawn} on each shot that starts from it; defaults take an image path, an https:// URL or a data: URI)`,
      `7:19 reference-in-defaults defaults.models["google/veo-3.1-first-last-image-to-video-fast"].last_frame: last_frame in defaults cannot name a shot: a defaults.models entry applies to every shot of its model, so shot "dawn" would take a frame of its own clip (write last_frame: {shot: dawn} on each shot that starts from it; defaults take an image path, an https:// URL or a data: URI)`,
    ]);
  });

  it("a malformed reference is one finding each, at the key at fault, never also a missing frame", async () => {
    const got = await problems("malformed.yaml", [
      ...HEAD,
      ...DAWN,
      "  - id: a",
      "    prompt: q",
      "    first_frame: { shot: dawn, frame: middle }",
      "  - id: b",
      "    prompt: q",
      "    first_frame: { frame: last }",
      "  - id: c",
      "    prompt: q",
      "    first_frame: 5",
      "  - id: d",
      "    prompt: q",
      "    first_frame: { shot: dawn, take: 2 }",
      "  - id: e",
      "    prompt: q",
      "    first_frame: { shot: dawn, frame: -1 }",
      "  - id: f",
      "    prompt: q",
      "    first_frame: { shot: a/b }",
      "  - id: g",
      "    prompt: q",
      "    first_frame: { shot: dawn, frame: .inf }",
    ]);
    const pick =
      "(allowed: last (the default), first, or a time in seconds into the clip (a number, 0 or more))";
    expect(got).toEqual([
      `11:39 reference-frame shots[1].first_frame.frame: frame "middle" is not allowed ${pick}`,
      `14:18 missing-key shots[2].first_frame.shot: missing required key "shot": a reference names the shot whose clip the frame comes from, e.g. {shot: dawn, frame: last}`,
      `17:18 wrong-type shots[3].first_frame: expected an image path, an https:// URL or a data: URI, or a frame of another shot's clip: {shot: <id>, frame: last | first | <seconds>}, got 5`,
      `20:32 unknown-key shots[4].first_frame.take: unknown key "take" (allowed: shot, frame)`,
      `23:39 reference-frame shots[5].first_frame.frame: frame -1 is not allowed ${pick}`,
      `26:26 bad-id shots[6].first_frame.shot: "a/b" is not a valid id: use letters, digits, ".", "_" and "-", starting with a letter or digit`,
      `29:39 reference-frame shots[7].first_frame.frame: frame Infinity is not allowed ${pick}`,
    ]);
  });
});
