// Recognises PNG, JPEG and WebP images by their first bytes (never by file name).

export type ImageMime = "image/png" | "image/jpeg" | "image/webp";

export const IMAGE_MIMES: readonly ImageMime[] = ["image/png", "image/jpeg", "image/webp"];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, PNG, 0)) return "image/png";
  if (startsWith(bytes, JPEG, 0)) return "image/jpeg";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "image/webp";
  return null;
}

/** "a PNG image", used in messages. */
export function imageName(mime: ImageMime): string {
  return mime === "image/png" ? "a PNG image" : mime === "image/jpeg" ? "a JPEG image" : "a WebP image";
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at: number): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  return startsWith(
    bytes,
    [...text].map((c) => c.charCodeAt(0)),
    at,
  );
}
