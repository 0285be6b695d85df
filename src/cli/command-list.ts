// Every subcommand, in the order `storyreel --help` lists them. Each lives in commands/<name>.ts.
import type { Command } from "commander";
import type { CommandContext } from "./command-context.js";
import { registerRender } from "./commands/render.js";
import { registerValidate } from "./commands/validate.js";
import { registerPlan } from "./commands/plan.js";
import { registerStatus } from "./commands/status.js";
import { registerModels } from "./commands/models.js";
import { registerSim } from "./commands/sim.js";
import { registerStitch } from "./commands/stitch.js";
import { registerReport } from "./commands/report.js";
import { registerMerge } from "./commands/merge.js";
import { registerInit } from "./commands/init.js";
import { registerCache } from "./commands/cache.js";

export const COMMANDS: readonly ((program: Command, ctx: CommandContext) => void)[] = [
  registerRender,
  registerValidate,
  registerPlan,
  registerStatus,
  registerModels,
  registerSim,
  registerStitch,
  registerReport,
  registerMerge,
  registerInit,
  registerCache,
];
