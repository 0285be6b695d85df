// The dependency graph as Mermaid and DOT: a node per shot in order, an edge per frame handed over, safe labels.
import { describe, expect, it } from "vitest";
import { graphText } from "../../src/views/graph-text.js";
import type { GraphShot } from "../../src/views/graph-text.js";

const SHOTS: GraphShot[] = [
  { id: "dawn", note: "up to date", needs: [] },
  {
    id: "boats.wide",
    note: "render (after dawn)",
    needs: [{ shot: "dawn", frame: "last", field: "first_frame" }],
  },
  {
    id: "gull",
    note: null,
    needs: [
      { shot: "boats.wide", frame: "last", field: "first_frame" },
      { shot: "ghost", frame: "last", field: "last_frame" },
    ],
  },
];

describe("graphText", () => {
  it("writes Mermaid with safe node ids and the shot ids as labels", () => {
    expect(graphText(SHOTS, "mermaid")).toBe(
      [
        "flowchart LR",
        '  s0["dawn<br/><small>up to date</small>"]',
        '  s1["boats.wide<br/><small>render (after dawn)</small>"]',
        '  s2["gull"]',
        '  s0 -- "last → first_frame" --> s1',
        '  s1 -- "last → first_frame" --> s2',
        "",
      ].join("\n"),
    );
  });

  it("writes Graphviz DOT, escaping quotes", () => {
    const text = graphText([{ id: "a", note: 'say "hi"', needs: [] }, ...SHOTS], "dot");
    expect(text).toContain('  "a" [label="a\\nsay \\"hi\\""];');
    expect(text).toContain('  "dawn" -> "boats.wide" [label="last → first_frame"];');
    expect(text).not.toContain("ghost");
    expect(text.startsWith("digraph storyboard {\n  rankdir=LR;")).toBe(true);
    expect(text.trimEnd().endsWith("}")).toBe(true);
  });
});
