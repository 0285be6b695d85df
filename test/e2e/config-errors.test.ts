// Configuration mistakes (base URL, simulator port) are exit 2 with a plain message, before anything is written.
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { createServer as createHttpServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Server } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMainWith } from "../helpers/main-io.js";

const HARBOUR = fileURLToPath(new URL("../../examples/storyboards/harbour.yaml", import.meta.url));
const KEY = "sk-config-errors-7f3e";

describe("configuration errors", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "storyreel-config-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ["--base-url", ["--base-url", "http://example.com"], {}, "--base-url"],
    ["--base-url", ["--base-url", "not a url"], {}, "--base-url"],
    ["AIML_API_BASE", [], { AIML_API_BASE: "ftp://x" }, "AIML_API_BASE"],
  ])("a bad %s is refused before anything is written", async (_name, extra, env, named) => {
    const out = join(root, `out-${Math.random().toString(36).slice(2)}`);
    const run = await runMainWith(["render", HARBOUR, "--out", out, ...extra], {
      env: { AIML_API_KEY: KEY, ...env },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(named);
    expect(run.stderr).toContain("allowed");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr + run.stdout).not.toContain(KEY);
    expect(existsSync(out)).toBe(false);
  });

  describe("backend flags that would be silently ignored", () => {
    let server: HttpServer;
    let port: number;
    let requests = 0;
    beforeAll(async () => {
      server = createHttpServer((_req, res) => {
        requests += 1;
        res.writeHead(500).end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it.each([
      ["--sim-latency without --sim", ["--sim-latency", "1"], "add --sim, or drop --sim-latency"],
      ["--sim with --base-url", ["--sim"], "do not go together"],
    ])("%s is exit 2 saying what to write, nothing sent or written", async (_name, extra, says) => {
      const out = join(root, `out-${Math.random().toString(36).slice(2)}`);
      const base = `http://127.0.0.1:${port}`;
      const run = await runMainWith(["render", HARBOUR, "--out", out, "--base-url", base, ...extra], {
        env: { AIML_API_KEY: KEY },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(says);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr + run.stdout).not.toContain(KEY);
      expect(existsSync(out)).toBe(false);
      expect(requests).toBe(0);
    });
  });

  describe("storyreel sim on a port in use", () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      port = (blocker.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    });

    it("takes --sim-latency as --latency, with the same checks", async () => {
      const run = await runMainWith(["sim", "--port", "0", "--sim-latency", "soon"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("soon");
    });

    it("exits 2 naming the port and what to do", async () => {
      const run = await runMainWith(["sim", "--port", String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`port ${port} is already in use`);
      expect(run.stderr).toContain("--port");
      expect(run.stderr).not.toContain("internal error");
    });
  });
});
