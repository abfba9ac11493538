/**
 * A zip file written in the browser, with no dependency: every entry stored as is (no compression, which
 * the shop's own server does on the way to visitors), its CRC-32, names in UTF-8. The configurator gives
 * the shop one download with exactly the files it uploads (`keksi.zip`); nothing leaves the page.
 * Format: PKWARE's APPNOTE.TXT (local file headers, the central directory, its end record).
 */

/** One file of the zip: its path inside the zip (`/`-separated, no leading `/`) and its contents. */
export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 (ISO 3309, the zip's and gzip's) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** `date` as MS-DOS time and date (local time, two-second steps; before 1980 counts as 1980). */
function dosTime(date: Date): [number, number] {
  const year = Math.max(1980, date.getFullYear());
  return [(date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1), ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()];
}

/** The zip of `entries`, in their order, each stored with the time `date`. */
export function zip(entries: readonly ZipEntry[], date = new Date()): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const [time, day] = dosTime(date);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const crc = crc32(data);
    // The fields both headers share, from "version needed" to the name's length: 10 = stored, bit 11 = UTF-8 names.
    const common = (v: DataView, at: number) => {
      v.setUint16(at, 10, true);
      v.setUint16(at + 2, 0x0800, true);
      v.setUint16(at + 4, 0, true);
      v.setUint16(at + 6, time, true);
      v.setUint16(at + 8, day, true);
      v.setUint32(at + 10, crc, true);
      v.setUint32(at + 14, data.length, true);
      v.setUint32(at + 18, data.length, true);
      v.setUint16(at + 22, name.length, true);
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    common(lv, 4);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    common(cv, 6);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(local, data);
    central.push(record);
    offset += local.length + data.length;
  }
  const size = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + end.length);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
