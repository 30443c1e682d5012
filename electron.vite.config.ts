import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/main/window-options';

// Response headers do not reach file:// pages, so the packaged renderer carries its CSP in a <meta> tag too
// (frame-ancestors is header-only and is dropped here). Build only: the dev server injects inline scripts.
// Reviewed (the comment on the tag's line): Electronegativity's CSP evaluator asks for a review of any script-src
// 'self', as a site hosting JSONP or uploads could be abused; the app's origin serves only its own bundled files.
const cspMeta: Plugin = {
  name: 'rotaplan-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, '')}" /> <!-- eng-disable CSP_GLOBAL_CHECK -->`,
    ),
};

// One build makes all three parts. The preload is a single CommonJS file because a sandboxed preload
// cannot load ES modules or sibling chunks (https://electron-vite.org/guide/dev#limitations-of-sandboxing).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'optimize-worker': resolve('electron/optimize/optimize-worker.ts'),
          'highs-thread-worker': resolve('electron/optimize/highs-thread-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMeta],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the first chunk parses faster (bench/ui). For reading
      // CPU profiles (bench/ui --profile): ROTAPLAN_SOURCEMAP=1 maps the minified code back to its sources, and
      // ROTAPLAN_NO_MINIFY=1 keeps names (but the Temporal polyfill then attaches debug strings, inflating its cost).
      minify: process.env.ROTAPLAN_NO_MINIFY !== '1',
      sourcemap: process.env.ROTAPLAN_SOURCEMAP === '1',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
