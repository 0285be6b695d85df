#!/usr/bin/env node
// The storyreel executable: the only place that touches process.argv, the real streams and the exit code.
import * as nodeModule from "node:module";

// Node 22.1+ keeps compiled code between runs (a faster start); Node 20 has no such cache and skips this.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import("./main.js");
const { guardOutput } = await import("./output-guard.js");

const output = guardOutput({ stdout: process.stdout, stderr: process.stderr });
const code = await main(process.argv.slice(2), {
  stdout: output.stdout,
  stderr: output.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  handleSignals: true,
  outputClosed: output.closed,
});
process.exitCode = code;
