// Makes every icon packaging needs from the one source, assets/icon.svg: `npx tsx scripts/make-icons.ts`.
//   assets/icon.png   512×512 PNG (Linux AppImage/deb, and the source electron-builder falls back to)
//   assets/icon.ico   Windows: PNG-compressed entries 16, 24, 32, 48, 64, 128 and 256
//   assets/icon.icns  macOS: ic07..ic10 PNG entries (128, 256, 512 and 1024 = 512@2x)
// Chromium (the one the e2e suite uses) rasterises the SVG. The ICO and ICNS containers are written here rather
// than by electron-builder because electron-builder 26 converts icons with a toolset it downloads from GitHub at
// build time (app-builder-lib/out/toolsets/icons.js), and no icon package that needs no native build is installed.
// Given ready .ico/.icns files, electron-builder uses them as they are and downloads nothing.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A PNG image and the square size it was rendered at. */
export type SizedPng = { size: number; png: Buffer };

/** The four-character ICNS types that hold PNG data, and the pixel size each one must be. */
export const ICNS_ENTRY_SIZES = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024 } as const;

/** The ICNS types written, smallest first. */
export type IcnsType = keyof typeof ICNS_ENTRY_SIZES;

/** Sizes in the Windows ICO: the shell picks 16..48 for lists, 256 for large views. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Sizes rendered for the Linux PNG. */
export const LINUX_PNG_SIZE = 512;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Width and height of a PNG, read from its IHDR chunk.
 * Why: both containers must declare the size of what they hold, and a mislabelled entry is silently mis-scaled.
 */
export function pngDimensions(png: Buffer): { width: number; height: number } {
  if (
    png.length < 24 ||
    !png.subarray(0, 8).equals(PNG_SIGNATURE) ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG image (missing PNG signature or IHDR chunk)');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function assertSquarePng(image: SizedPng, where: string): void {
  const { width, height } = pngDimensions(image.png);
  if (width !== image.size || height !== image.size) {
    throw new Error(`${where}: PNG is ${width}×${height}, expected ${image.size}×${image.size}`);
  }
}

/**
 * An ICO file holding the given PNGs as PNG-compressed entries (Windows Vista and later read these).
 * Layout (little-endian): ICONDIR {reserved 0, type 1, count}, then one 16-byte ICONDIRENTRY per image
 * {width, height (0 means 256), colours 0, reserved 0, planes 1, bits 32, byte length, offset}, then the PNGs.
 */
export function writeIco(images: readonly SizedPng[]): Buffer {
  if (images.length === 0) throw new Error('ICO: no images given');
  const headerLength = 6 + 16 * images.length;
  const header = Buffer.alloc(headerLength);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = headerLength;
  images.forEach((image, index) => {
    if (image.size < 1 || image.size > 256)
      throw new Error(`ICO entry ${index}: size ${image.size} is outside 1..256`);
    assertSquarePng(image, `ICO entry ${index}`);
    const entry = 6 + 16 * index;
    header.writeUInt8(image.size === 256 ? 0 : image.size, entry);
    header.writeUInt8(image.size === 256 ? 0 : image.size, entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/**
 * An ICNS file holding the given PNGs under their ICNS types.
 * Layout (big-endian): magic 'icns', total file length, then per entry its four-character type, the entry length
 * including this 8-byte header, and the PNG bytes. ic07..ic10 accept PNG data (macOS 10.7 and later).
 */
export function writeIcns(entries: ReadonlyArray<{ type: IcnsType; png: Buffer }>): Buffer {
  if (entries.length === 0) throw new Error('ICNS: no images given');
  const chunks = entries.map(({ type, png }) => {
    assertSquarePng({ size: ICNS_ENTRY_SIZES[type], png }, `ICNS ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Renders the SVG at each size in headless Chromium, on a transparent background. */
async function renderPngs(svg: string, sizes: readonly number[]): Promise<Map<number, Buffer>> {
  // Imported here so the container writers above can be imported by tests without starting a browser.
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, testBrowserPath } = await import('../test/e2e/harness');
  const profile = await mkdtemp(join(tmpdir(), 'rotaplan-icons-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await testBrowserPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    const rendered = new Map<number, Buffer>();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px">${sized}</div></body></html>`,
      );
      await page.addStyleTag({ content: 'svg{display:block}' });
      rendered.set(size, await page.screenshot({ omitBackground: true }));
    }
    return rendered;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const assets = fileURLToPath(new URL('../assets/', import.meta.url));
  const svg = await readFile(join(assets, 'icon.svg'), 'utf8');
  if (!svg.includes('width="512" height="512"')) {
    throw new Error(
      'assets/icon.svg: expected width="512" height="512" on the root <svg> (it is resized per render)',
    );
  }
  const icnsTypes = Object.keys(ICNS_ENTRY_SIZES) as IcnsType[];
  const sizes = [
    ...new Set([...ICO_SIZES, ...icnsTypes.map((type) => ICNS_ENTRY_SIZES[type]), LINUX_PNG_SIZE]),
  ].sort((a, b) => a - b);
  const png = await renderPngs(svg, sizes);
  const at = (size: number): Buffer => {
    const image = png.get(size);
    if (image === undefined) throw new Error(`no render at ${size}px`);
    return image;
  };

  await writeFile(join(assets, 'icon.png'), at(LINUX_PNG_SIZE));
  await writeFile(join(assets, 'icon.ico'), writeIco(ICO_SIZES.map((size) => ({ size, png: at(size) }))));
  await writeFile(
    join(assets, 'icon.icns'),
    writeIcns(icnsTypes.map((type) => ({ type, png: at(ICNS_ENTRY_SIZES[type]) }))),
  );
  console.log(`wrote assets/icon.png (${LINUX_PNG_SIZE}px), assets/icon.ico (${ICO_SIZES.join(', ')}px),`);
  console.log(
    `      assets/icon.icns (${icnsTypes.map((type) => `${type} ${ICNS_ENTRY_SIZES[type]}px`).join(', ')})`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
