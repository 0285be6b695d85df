// report.html in headless Chromium (Debian's): cards, statuses, clips with posters, seeds, simulated marks, the film link,
// no script, no console errors.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/commands/report/report.js";
import { makeClip, makeOutputFolder } from "../stitch/output-fixture.js";
import type { OutputFolder } from "../stitch/output-fixture.js";
import { serveFolder } from "./static-server.js";
import type { StaticServer } from "./static-server.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const HOSTILE = `</p><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;

// Page-side code as strings: the project compiles without the DOM lib.
const POSTER_WIDTHS = `Promise.all([...document.querySelectorAll("video")].map((v) => new Promise((resolve) => {
  const img = new Image();
  img.onload = () => resolve(img.naturalWidth);
  img.onerror = () => resolve(0);
  img.src = v.poster;
})))`;
const LOAD_FIRST_VIDEO = `new Promise((resolve) => {
  const video = document.querySelector("video");
  video.addEventListener("loadedmetadata", () => resolve(video.videoWidth + "x" + video.videoHeight));
  video.addEventListener("error", () => resolve("error " + (video.error ? video.error.code : "?")));
  video.preload = "metadata";
  video.load();
})`;

if (!HAVE_CHROMIUM) {
  console.warn(
    `report page test skipped: ${CHROMIUM} not found (enable it: apt-get install chromium, or CI=true as root)`,
  );
}

describe.skipIf(!HAVE_CHROMIUM)(
  `report.html in headless Chromium (needs ${CHROMIUM}: apt-get install chromium)`,
  () => {
    let folder: OutputFolder;
    let server: StaticServer;
    let browser: Browser;
    let shots: string;

    beforeAll(async () => {
      folder = await makeOutputFolder(
        [
          {
            id: "open",
            audio: true,
            seconds: 2,
            prompt: "A slow dolly shot across a foggy harbour at dawn.",
            patch: {
              backend: "simulator",
              request: {
                model: "google/veo-3.0-i2v-fast",
                prompt: "A slow dolly shot across a foggy harbour at dawn.",
                negative_prompt: `blurry, distorted hands ${HOSTILE}`,
                seed: 42,
              },
            },
          },
          {
            id: "mona",
            size: "180x320",
            prompt: `Mona turns to the camera ${HOSTILE}`,
            patch: {
              backend: "https://api.aimlapi.com",
              upstream: { image_url: { shot: "open", frame: "last", sha256: "a".repeat(64) } },
            },
          },
          { id: "storm", status: "failed", patch: { warnings: [HOSTILE] } },
          { id: "finale", status: "submitted" },
          { id: "credits", status: "pending" },
        ],
        "The Harbour at Dawn",
      );
      await makeClip(join(folder.outDir, "film.mp4"), { id: "film", seconds: 1 });
      await writeReport({ outDir: folder.outDir, cwd: folder.root });
      server = await serveFolder(folder.outDir);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      shots = await mkdtemp(join(tmpdir(), "storyreel-shots-"));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await folder?.cleanup();
      if (shots) await rm(shots, { recursive: true, force: true });
    });

    async function open(url: string): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(url, { waitUntil: "load" });
      return { page, errors };
    }

    it("shows a card per shot with its status, a clip with a poster, and no console errors", async () => {
      const { page, errors } = await open(`${server.url}/report.html`);
      expect(await page.locator("h1").textContent()).toBe("The Harbour at Dawn");
      const cards = await Promise.all(
        (await page.locator("article.card").all()).map(async (card) => {
          const video = card.locator("video");
          const hasVideo = (await video.count()) === 1;
          return {
            id: await card.getAttribute("data-shot"),
            status: await card.locator(".badge").textContent(),
            video: hasVideo
              ? { src: await video.getAttribute("src"), poster: await video.getAttribute("poster") }
              : null,
          };
        }),
      );
      expect(cards.map((c) => [c.id, c.status])).toEqual([
        ["open", "completed"],
        ["mona", "completed"],
        ["storm", "failed"],
        ["finale", "submitted"],
        ["credits", "pending"],
      ]);
      for (const card of cards.slice(0, 2)) {
        expect(card.video?.src).toMatch(/^\.\/clips\/00\d-\w+\.mp4$/);
        expect(card.video?.poster).toMatch(/^data:image\/jpeg;base64,/);
      }
      expect(cards.slice(2).every((c) => c.video === null)).toBe(true);
      expect(await page.locator('[data-stat="shots"] b').textContent()).toBe("5");
      expect(await page.locator('[data-stat="completed"] b').textContent()).toBe("2");
      // the posters decode as images
      const posterWidths = await page.evaluate<number[]>(POSTER_WIDTHS);
      expect(posterWidths).toEqual([320, 320]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it("plays the clip from the folder (the page's CSP allows it)", async () => {
      const { page, errors } = await open(`${server.url}/report.html`);
      const size = await page.evaluate<string>(LOAD_FIRST_VIDEO);
      expect(size).toBe("320x180");
      expect(server.requests).toContain("/clips/001-open.mp4");
      expect(errors).toEqual([]);
      await page.close();
    });

    it("runs no script from a prompt or warning: the markup shows as text", async () => {
      const { page, errors } = await open(`${server.url}/report.html`);
      expect(await page.evaluate<unknown>("window.__xss")).toBeUndefined();
      expect(await page.evaluate<number>("document.scripts.length")).toBe(0);
      expect(await page.locator("img").count()).toBe(0);
      expect(await page.locator('[data-shot="mona"] .prompt').textContent()).toBe(
        `Mona turns to the camera ${HOSTILE}`,
      );
      expect(await page.locator('[data-shot="storm"] .warnings li').textContent()).toBe(HOSTILE);
      expect(errors).toEqual([]);
      await page.close();
    });

    it("shows chains: a shot that starts on another's frame links to that shot's card", async () => {
      const { page, errors } = await open(`${server.url}/report.html`);
      const chain = page.locator("#shot-mona .chain");
      expect(await chain.textContent()).toBe("Starts on the last frame of open");
      expect(await chain.getAttribute("data-upstream")).toBe("open");
      expect(await page.locator("#shot-open .chain").count()).toBe(0);
      await chain.locator("a").click();
      expect(new URL(page.url()).hash).toBe("#shot-open");
      expect(errors).toEqual([]);
      await page.close();
    });

    it("shows seed, negative prompt, the storyboard from the reader's folder, and marks the simulated clip", async () => {
      const { page, errors } = await open(`${server.url}/report.html`);
      expect(await page.locator(".source code").textContent()).toBe("story.yaml");
      const open_ = page.locator('[data-shot="open"]');
      expect(await open_.locator(".negative span").textContent()).toBe("Negative prompt");
      expect(await open_.locator(".negative").textContent()).toBe(
        `Negative promptblurry, distorted hands ${HOSTILE}`,
      );
      expect(await open_.locator("dl.meta dt", { hasText: "Seed" }).count()).toBe(1);
      expect(await open_.locator("dl.meta dd code", { hasText: /^42$/ }).count()).toBe(1);
      // The mark is drawn over the clip's top right corner, in capitals, and only on the simulated card.
      const mark = open_.locator(".sim-mark");
      expect(await mark.isVisible()).toBe(true);
      expect(await mark.innerText()).toBe("SIMULATED");
      const media = await open_.locator(".media").boundingBox();
      const box = await mark.boundingBox();
      expect(media && box).toBeTruthy();
      expect(box!.x + box!.width).toBeGreaterThan(media!.x + media!.width - 40);
      expect(box!.y).toBeLessThan(media!.y + 40);
      expect(await page.locator(".sim-mark").count()).toBe(1);
      expect(
        await page.locator('[data-shot="mona"] dl.meta dd', { hasText: "https://api.aimlapi.com" }).count(),
      ).toBe(1);
      expect(await page.locator(".simulated").textContent()).toBe(
        "1 of 5 shots ran on the built-in simulator (--sim): its clips are made from the frames by ffmpeg, not by the model.",
      );
      expect(await page.locator('[data-stat="simulated"] b').textContent()).toBe("1");
      expect(await page.evaluate<number>("document.scripts.length")).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });

    it("links the stitched film, and the link loads it from the folder", async () => {
      const { page, errors } = await open(`${server.url}/report.html`);
      const link = page.locator(".film a");
      expect(await link.textContent()).toBe("Watch the stitched film");
      expect(await link.getAttribute("href")).toBe("./film.mp4");
      const [request] = await Promise.all([page.waitForRequest(/\/film\.mp4$/), link.click()]);
      const response = await request.response();
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-type"]).toBe("video/mp4");
      expect(server.requests).toContain("/film.mp4");
      expect(errors).toEqual([]);
      await page.close();
    });

    it("renders as a screenshot, also when opened from disk (file://)", async () => {
      const { page, errors } = await open(pathToFileURL(join(folder.outDir, "report.html")).href);
      expect(await page.locator("article.card").count()).toBe(5);
      const file = join(shots, "report.png");
      await page.screenshot({ path: file, fullPage: true });
      const png = await readFile(file);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.byteLength).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
