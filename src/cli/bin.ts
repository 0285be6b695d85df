#!/usr/bin/env node
// The storyreel executable: the only place that touches process.argv, the real streams and the exit code.
import { main } from "./main.js";

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  handleSignals: true,
});
process.exitCode = code;
