// Cheap content check on a download's first bytes: an MP4 (ISO-BMFF) starts with an `ftyp` box.
const FTYP = [0x66, 0x74, 0x79, 0x70];

/** True when `header` (at least the first 8 bytes of a file) holds an ISO-BMFF `ftyp` box at offset 4. */
export function isMp4(header: Uint8Array): boolean {
  if (header.length < 8) return false;
  const size = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(0);
  // Size 1 means a 64-bit size follows; otherwise a box is at least its own 8-byte header.
  if (size !== 1 && size < 8) return false;
  return FTYP.every((byte, i) => header[4 + i] === byte);
}
