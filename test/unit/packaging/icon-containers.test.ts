import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { ICO_SIZES, pngDimensions, writeIcns, writeIco } from '../../../scripts/make-icons';

/** A real, decodable PNG of one colour: signature, IHDR, one IDAT, IEND, each with its CRC. */
function solidPng(size: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 4, 0x80)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type IcoEntry = { width: number; height: number; planes: number; bits: number; png: Buffer };

function readIco(file: Buffer): IcoEntry[] {
  expect([file.readUInt16LE(0), file.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: file.readUInt16LE(4) }, (_, index) => {
    const at = 6 + 16 * index;
    const offset = file.readUInt32LE(at + 12);
    return {
      width: file[at] || 256,
      height: file[at + 1] || 256,
      planes: file.readUInt16LE(at + 4),
      bits: file.readUInt16LE(at + 6),
      png: file.subarray(offset, offset + file.readUInt32LE(at + 8)),
    };
  });
}

function readIcns(file: Buffer): Array<{ type: string; png: Buffer }> {
  expect(file.toString('latin1', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const entries: Array<{ type: string; png: Buffer }> = [];
  for (let at = 8; at < file.length; at += file.readUInt32BE(at + 4)) {
    entries.push({
      type: file.toString('latin1', at, at + 4),
      png: file.subarray(at + 8, at + file.readUInt32BE(at + 4)),
    });
  }
  return entries;
}

describe('pngDimensions', () => {
  it('reads width and height from IHDR', () => {
    expect(pngDimensions(solidPng(24))).toEqual({ width: 24, height: 24 });
  });

  it('refuses something that is not a PNG', () => {
    expect(() => pngDimensions(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toThrow(
      'not a PNG image (missing PNG signature or IHDR chunk)',
    );
  });
});

describe('writeIco', () => {
  it('writes the ICONDIR, one entry per image (256 stored as 0) and the PNGs at their offsets', () => {
    const small = solidPng(16);
    const large = solidPng(256);
    const ico = writeIco([
      { size: 16, png: small },
      { size: 256, png: large },
    ]);
    expect(ico.length).toBe(6 + 2 * 16 + small.length + large.length);
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 2, 0]);
    expect([...ico.subarray(6, 10)]).toEqual([16, 16, 0, 0]);
    expect([...ico.subarray(22, 26)]).toEqual([0, 0, 0, 0]);
    expect(ico.readUInt32LE(6 + 12)).toBe(38);
    expect(ico.readUInt32LE(22 + 12)).toBe(38 + small.length);
    expect(readIco(ico).map(({ width, planes, bits, png }) => ({ width, planes, bits, png }))).toEqual([
      { width: 16, planes: 1, bits: 32, png: small },
      { width: 256, planes: 1, bits: 32, png: large },
    ]);
  });

  it('refuses an image whose PNG is not the size it is declared as', () => {
    expect(() => writeIco([{ size: 32, png: solidPng(16) }])).toThrow(
      'ICO entry 0: PNG is 16×16, expected 32×32',
    );
  });

  it('refuses sizes an ICO entry cannot hold', () => {
    expect(() => writeIco([{ size: 512, png: solidPng(512) }])).toThrow(
      'ICO entry 0: size 512 is outside 1..256',
    );
    expect(() => writeIco([])).toThrow('ICO: no images given');
  });
});

describe('writeIcns', () => {
  it('writes the icns header with the total length and one typed, length-prefixed entry per PNG', () => {
    const png128 = solidPng(128);
    const png256 = solidPng(256);
    const icns = writeIcns([
      { type: 'ic07', png: png128 },
      { type: 'ic08', png: png256 },
    ]);
    expect(icns.length).toBe(8 + 8 + png128.length + 8 + png256.length);
    expect(icns.readUInt32BE(8 + 4)).toBe(8 + png128.length);
    expect(readIcns(icns)).toEqual([
      { type: 'ic07', png: png128 },
      { type: 'ic08', png: png256 },
    ]);
  });

  it('refuses a PNG of the wrong size for its type', () => {
    expect(() => writeIcns([{ type: 'ic10', png: solidPng(512) }])).toThrow(
      'ICNS ic10: PNG is 512×512, expected 1024×1024',
    );
  });
});

describe('the icons in assets/ (made by scripts/make-icons.ts)', () => {
  const asset = (name: string): Promise<Buffer> =>
    readFile(new URL(`../../../assets/${name}`, import.meta.url));

  it('icon.ico holds PNG entries 16 to 256, each as large as its entry says', async () => {
    const entries = readIco(await asset('icon.ico'));
    expect(entries.map((entry) => entry.width)).toEqual([...ICO_SIZES]);
    expect(entries.map((entry) => entry.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      expect(pngDimensions(entry.png)).toEqual({ width: entry.width, height: entry.height });
    }
  });

  it('icon.icns holds ic07 to ic10 as 128, 256, 512 and 1024 pixel PNGs', async () => {
    const entries = readIcns(await asset('icon.icns'));
    expect(entries.map(({ type, png }) => [type, pngDimensions(png).width])).toEqual([
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
    ]);
  });

  it('icon.png is 512 pixels square', async () => {
    expect(pngDimensions(await asset('icon.png'))).toEqual({ width: 512, height: 512 });
  });
});
