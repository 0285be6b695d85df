// Registers `storyreel models`: the catalog of AIML video models, what a storyboard can ask of each and its price;
// `storyreel models <id>` prints one model's full card.
import type { Command } from "commander";
import type { PriceSource } from "../../commands/shared/price-source.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { UsageError } from "../usage-error.js";

interface ModelsFlags {
  json?: boolean;
  sim?: boolean;
  baseUrl?: string;
  refreshPrices?: boolean;
}

export function registerModels(program: Command, ctx: CommandContext): void {
  program
    .command("models")
    .description(
      "list the video models storyreel knows: frames, durations, resolutions, aspect ratios, price; or one model's full card",
    )
    .argument(
      "[filter...]",
      "show only models whose id contains every one of these words (case-insensitive); a full model id shows its card",
    )
    .option("--sim", "show the built-in simulator's prices (what render --sim is billed)")
    .option(
      "--base-url <url>",
      "API whose price catalogue to show (env AIML_API_BASE; default https://api.aimlapi.com)",
    )
    .option("--refresh-prices", "ask the price catalogue now, even if the cached copy is younger than 6 h")
    .option("--json", "the models (or the card) as JSON on stdout")
    .addHelpText(
      "after",
      `
Columns: first/last = the frame images the model takes (required, optional or none); seconds =
allowed durations; price = USD per second (or per video) by resolution, from the API's price catalogue
(GET /v1/models?include=pricing, no key; cached in $XDG_CACHE_HOME/storyreel, asked again at most every
6 h), "unknown" when it lists none or cannot be read; fields = "storyboard" when storyboard keys fill
every required field, "+params: x" when x must be set under the shot's params:.

storyreel models <id> prints the model's card: every request field with its type, allowed values and
documented default, the storyboard key that fills it (or params:), the frames it takes and every price.

Examples:
  storyreel models
  storyreel models veo
  storyreel models google/veo-3.0-i2v-fast
  storyreel models kling i2v --json
  storyreel models --sim veo-3.1

Exit codes: 0 models listed, 1 no model id matches the filter, 2 usage.`,
    )
    .action(async (filter: string[], flags: ModelsFlags) => {
      ctx.setExitCode(await modelsCommand(filter, flags, ctx.io));
    });
}

async function modelsCommand(filter: string[], flags: ModelsFlags, io: CliIo): Promise<number> {
  const { modelCard, models } = await import("../../commands/models/index.js");
  // Only what this command prints: the renderers' index would load the live view and the scheduler too.
  const { modelCardText, modelsText } = await import("../../views/models-text.js");
  const prices = await priceSource(flags, io);
  const catalogue = prices.catalogue;
  const card = filter.length === 1 ? modelCard(filter[0]!, { catalogue }) : undefined;
  if (card !== undefined) {
    io.stdout.write(
      flags.json ? `${JSON.stringify(card, null, 2)}\n` : modelCardText(card, { note: prices.note }),
    );
    return 0;
  }
  const rows = models({ filter, catalogue });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return rows.length > 0 ? 0 : 1;
  }
  if (rows.length === 0) {
    io.stderr.write(`no model id contains ${filter.map((f) => JSON.stringify(f)).join(" and ")}\n`);
    return 1;
  }
  io.stdout.write(modelsText(rows, { note: prices.note }));
  return 0;
}

async function priceSource(flags: ModelsFlags, io: CliIo): Promise<PriceSource> {
  const { loadPriceSource } = await import("../../commands/shared/price-source.js");
  const { resolveCacheDir } = await import("../../pricing/index.js");
  if (flags.sim && flags.baseUrl !== undefined) {
    throw new UsageError(
      "--sim and --base-url do not go together: --sim shows the simulator's prices; drop one",
    );
  }
  const cacheDir = resolveCacheDir(io.env);
  const refresh = flags.refreshPrices === true;
  if (flags.sim) return loadPriceSource({ sim: true, cacheDir });
  const baseUrl = (flags.baseUrl ?? io.env.AIML_API_BASE)?.trim();
  if (baseUrl !== undefined && baseUrl !== "") {
    const { parseBaseUrl } = await import("../../api/index.js");
    parseBaseUrl(baseUrl, flags.baseUrl !== undefined ? "--base-url" : "AIML_API_BASE");
    return loadPriceSource({ baseUrl, cacheDir, refresh });
  }
  return loadPriceSource({ cacheDir, refresh });
}
