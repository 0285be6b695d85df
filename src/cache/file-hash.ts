// sha256 and size of a file or stream, streamed (clips are never held in memory whole).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";

export interface Digest {
  sha256: string;
  bytes: number;
}

export async function hashStream(stream: Readable): Promise<Digest> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.byteLength;
  }
  return { sha256: hash.digest("hex"), bytes };
}

export function hashFile(path: string): Promise<Digest> {
  return hashStream(createReadStream(path));
}
