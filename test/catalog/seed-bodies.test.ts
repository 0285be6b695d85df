// The bodies storyreel would send for the two seed models satisfy the public schemas themselves (the pinned facts, not our generated copy).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildRequestBody, loadStoryboard } from "../../src/storyboard/index.js";

const FACTS = fileURLToPath(new URL("../../data/aimlapi/video-models.json", import.meta.url));
const HARBOUR = fileURLToPath(new URL("../../examples/storyboards/harbour.yaml", import.meta.url));
const SEEDS = ["google/veo-3.0-i2v-fast", "google/veo-3.1-first-last-image-to-video-fast"];

interface Facts {
  models: Record<string, { required: string[]; properties: Record<string, unknown> }>;
}

describe.skipIf(!existsSync(FACTS))(
  "seed model request bodies vs the pinned data/aimlapi/video-models.json",
  () => {
    let cached: Facts | undefined;
    const facts = (): Facts => (cached ??= JSON.parse(readFileSync(FACTS, "utf8")) as Facts);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validatorFor = (id: string) => {
      const raw = facts().models[id];
      if (!raw) throw new Error(`${id} missing from the facts file`);
      return ajv.compile({
        type: "object",
        properties: { model: { enum: [id] }, ...raw.properties },
        required: ["model", ...raw.required],
        additionalProperties: false,
      });
    };

    it.each(SEEDS)(
      "every example shot on %s resolves to a body the documented schema accepts",
      async (id) => {
        const storyboard = await loadStoryboard(HARBOUR);
        const shots = storyboard.shots.filter((s) => s.model === id);
        expect(shots.length).toBeGreaterThan(0);
        const validate = validatorFor(id);
        for (const shot of shots) {
          const body = await buildRequestBody(shot);
          expect(validate(body), `${shot.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
          const resolution = facts().models[id]?.properties["resolution"] as { enum: string[] };
          expect(resolution.enum).toContain(body["resolution"]);
          expect(String(body["image_url"])).toMatch(/^data:image\/(png|jpeg|webp);base64,/);
        }
      },
    );

    it("sends the 3.1 first-last model both frames under its own field names", async () => {
      const storyboard = await loadStoryboard(HARBOUR);
      const shot = storyboard.shots.find((s) => s.model === SEEDS[1]);
      const body = await buildRequestBody(shot!);
      expect(Object.keys(body)).toEqual(expect.arrayContaining(["image_url", "last_image_url"]));
      expect(body).not.toHaveProperty("tail_image_url");
    });
  },
);
