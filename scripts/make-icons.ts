// Renders assets/icon.svg to the PNG sizes packaging needs, in Chromium: `npx tsx scripts/make-icons.ts`.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/harness';

const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const profile = await mkdtemp(join(tmpdir(), 'rotaplan-icons-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
});
const page = await context.newPage();
for (const size of [512, 256]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`,
  );
  const out = size === 512 ? 'assets/icon.png' : `assets/icon-${size}.png`;
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${out}`);
}
await context.close();
await rm(profile, { recursive: true, force: true });
