/**
 * The smallest PNG reader the screenshot comparisons need: 8-bit greyscale, RGB, grey+alpha or RGBA,
 * non-interlaced (what Chromium writes), all five scanline filters. Returns RGBA pixels.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  data: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(buffer: Buffer): Image {
  if (!SIGNATURE.every((byte, i) => buffer[i] === byte)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      colorType = body[9]!;
      if (depth !== 8 || !(colorType in CHANNELS) || body[12] !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${body[12]}`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = CHANNELS[colorType]!;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prior = out - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels]! : 0;
      const b = y > 0 ? pixels[prior + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[prior + x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`);
      pixels[out + x] = value & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, alpha] =
      channels === 1
        ? [p[0], p[0], p[0], 255]
        : channels === 2
          ? [p[0], p[0], p[0], p[1]]
          : [p[0], p[1], p[2], p[3] ?? 255];
    data.set([r!, g!, b!, alpha!], i * 4);
  }
  return { width, height, data };
}

export interface Difference {
  /** Pixels whose colour differs, when the sizes match. */
  pixels: number;
  total: number;
  sameSize: boolean;
}

/** Pixels that differ between two screenshots (any channel off by more than `threshold` of 255). */
export function comparePngs(a: Buffer, b: Buffer, threshold = 0): Difference {
  if (a.equals(b)) return { pixels: 0, total: 0, sameSize: true };
  const x = decodePng(a);
  const y = decodePng(b);
  const total = x.width * x.height;
  if (x.width !== y.width || x.height !== y.height) return { pixels: total, total, sameSize: false };
  let pixels = 0;
  for (let i = 0; i < total; i++) {
    for (let k = 0; k < 4; k++)
      if (Math.abs(x.data[i * 4 + k]! - y.data[i * 4 + k]!) > threshold) {
        pixels++;
        break;
      }
  }
  return { pixels, total, sameSize: true };
}
