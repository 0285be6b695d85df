// Decodes frame data URIs and checks they are real images (by magic bytes), as the API would before paying.

export type ImageType = "png" | "jpg" | "gif" | "webp" | "bmp";

export type DecodedFrame = { ok: true; type: ImageType; bytes: Buffer } | { ok: false; problem: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes a `data:image/…;base64,…` URI; reports why when it is not a decodable image. */
export function decodeImageDataUri(uri: string): DecodedFrame {
  const comma = uri.indexOf(",");
  if (comma < 0) return { ok: false, problem: "data URI has no comma before its payload" };
  const header = uri.slice(5, comma).toLowerCase();
  const mime = header.split(";")[0] ?? "";
  if (!mime.startsWith("image/"))
    return { ok: false, problem: `data URI has media type "${mime}", not an image` };
  if (!header.split(";").includes("base64")) return { ok: false, problem: "data URI is not base64-encoded" };
  const payload = uri.slice(comma + 1).replace(/\s+/g, "");
  if (payload.length === 0 || payload.length % 4 === 1 || !BASE64.test(payload)) {
    return { ok: false, problem: "data URI payload is not valid base64" };
  }
  const bytes = Buffer.from(payload, "base64");
  const type = sniffImage(bytes);
  if (type === null)
    return {
      ok: false,
      problem: `data URI (${mime}) does not decode to a PNG, JPEG, GIF, WebP or BMP image`,
    };
  return { ok: true, type, bytes };
}

function sniffImage(b: Buffer): ImageType | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpg";
  if (b.length >= 6 && b.toString("latin1", 0, 4) === "GIF8") return "gif";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP")
    return "webp";
  if (b.length >= 26 && b.toString("latin1", 0, 2) === "BM") return "bmp";
  return null;
}
