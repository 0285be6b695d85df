// What the HTML report is built from: the manifest plus, per shot, what the caller found on disk.
import type { Manifest, ShotRecord } from "../../manifest/index.js";

export interface ReportCard {
  shot: ShotRecord;
  /** `data:image/jpeg;base64,…` poster frame, or null when none could be made. */
  posterDataUri: string | null;
  /** Whether the clip file named by the manifest is on disk (size as recorded). */
  clipOnDisk: boolean;
}

export interface ReportPage {
  manifest: Manifest;
  cards: readonly ReportCard[];
  /**
   * The storyboard as the reader finds it from where they work (relative to their working folder, else
   * absolute). Default: the manifest's path, which is relative to the output folder.
   */
  storyboardPath?: string;
  /** The stitched film in the output folder (`storyreel stitch`), linked from the page when present. */
  film?: { path: string; bytes: number } | null;
}
