import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The JavaScript a window loads before the app can paint: the entry chunk and every chunk it imports statically. */
export type InitialJs = { files: string[]; rawBytes: number; gzipBytes: number };

// Static imports of a built chunk: `import ... from "./x.js"` and bare `import "./x.js"`; `import("./x.js")` (a
// lazy view) has a parenthesis and does not match.
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * Measures the initial JavaScript of the built renderer (out/renderer): the module script index.html names and the
 * transitive closure of its static imports, raw and gzip (level 9, as a server would send it).
 * Why from the files: it is what Chromium really fetches, whatever the bundler's chunking decided.
 */
export function measureInitialJs(rendererDir: string): InitialJs {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${join(rendererDir, 'index.html')} names no module script`);
  const files: string[] = [];
  const queue = [entry];
  let rawBytes = 0;
  let gzipBytes = 0;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(join(rendererDir, file));
    rawBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      queue.push(join(dir, match[1]!).replace(/\\/g, '/'));
    }
  }
  return { files, rawBytes, gzipBytes };
}
