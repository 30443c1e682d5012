import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The `rotaplan` command, bundled for plain Node (bin/rotaplan.js runs out/cli/main.js). The runtime dependencies
// stay imports (npm installs them with the package); everything else, the shared sources included, is bundled in.
// Each command is its own chunk, loaded when it runs (electron/cli/commands/index.ts).
const runtimeDependencies = Object.keys(pkg.dependencies);
const isExternal = (id: string) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  runtimeDependencies.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  // Vite's public/ folder is the renderer's; the CLI copies nothing.
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { main: resolve('electron/cli/main.ts') },
      external: isExternal,
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true },
});
