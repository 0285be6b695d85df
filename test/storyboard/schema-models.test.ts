// Editor completion offers every model: the schema's model examples are exactly the catalog's ids.
import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { listModels } from "../../src/catalog/index.js";

it("lists every catalog model id as an example of `model`, the seed models first", async () => {
  const schema = JSON.parse(
    await readFile(new URL("../../schemas/storyboard.schema.json", import.meta.url), "utf8"),
  ) as { definitions: { model: { examples: string[] } } };
  const examples = schema.definitions.model.examples;
  expect([...examples].sort()).toEqual(
    listModels()
      .map((m) => m.id)
      .sort(),
  );
  expect(examples.slice(0, 2)).toEqual([
    "google/veo-3.1-first-last-image-to-video-fast",
    "google/veo-3.0-i2v-fast",
  ]);
});
