// The renderer's layers, measured: `npx tsx scripts/renderer-layers.ts` prints the folder-level import graph,
// its longest chain and any import from one feature folder into another. test/unit/renderer/layers.test.ts
// holds the figures to their limits.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** One import between two renderer files, as paths relative to the renderer's `src` folder. */
export type RendererImport = { from: string; to: string };

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

function resolveImport(fromFile: string, specifier: string, known: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  if (known.has(base)) return base;
  for (const ext of EXTENSIONS) if (known.has(base + ext)) return base + ext;
  return null;
}

/**
 * Every import (static, type-only, re-export or dynamic `import()`) from one renderer source file to another.
 * Why the compiler's pre-processor: it finds dynamic imports and multi-line import lists a regex would miss.
 */
export function rendererImports(srcDir: string): RendererImport[] {
  const files = sourceFiles(srcDir);
  const known = new Set(files);
  const toPosix = (path: string) => relative(srcDir, path).split(sep).join('/');
  return files.flatMap((file) => {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return info.importedFiles.flatMap(({ fileName }) => {
      const target = resolveImport(file, fileName, known);
      return target ? [{ from: toPosix(file), to: toPosix(target) }] : [];
    });
  });
}

/**
 * The layers below the features, each a few folders of one kind: the shared pieces views draw with (widgets,
 * display formats, hooks such as the edit runner), and the state and links to main and the workers they rest on.
 * Imports inside a layer (a widget using a hook, the store calling the API) add no depth.
 */
const GROUPS: Record<string, string> = {
  components: 'components/hooks',
  hooks: 'components/hooks',
  store: 'store/api/workers',
  api: 'store/api/workers',
  workers: 'store/api/workers',
};

/**
 * The layer a renderer file belongs to: `features/<view>` for a feature, its group for the shared folders (see
 * GROUPS), its first folder otherwise (`app`, `theme`), and null for the entry files at the root (`main.tsx`,
 * `boot.ts`), which start the graph rather than belong to a layer.
 */
export function layerOf(path: string): string | null {
  const parts = path.split('/');
  if (parts.length === 1) return null;
  if (parts[0] === 'features') return `features/${parts[1]}`;
  return GROUPS[parts[0]!] ?? parts[0]!;
}

/** The imports that leave one feature folder for another: the ones the layout forbids. */
export function crossFeatureImports(imports: readonly RendererImport[]): RendererImport[] {
  return imports.filter(({ from, to }) => {
    const a = layerOf(from);
    const b = layerOf(to);
    return a !== b && a?.startsWith('features/') === true && b?.startsWith('features/') === true;
  });
}

/** Layer → the layers it imports (itself excluded). */
export function folderGraph(imports: readonly RendererImport[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === null || b === null) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b) graph.get(a)!.add(b);
  }
  return graph;
}

/**
 * The longest chain of layers in the graph, first layer first (`app → features/team → components/hooks →
 * store/api/workers` is four levels). Throws naming a layer when the graph has a cycle, since a cycle has no depth.
 */
export function longestChain(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const memo = new Map<string, string[]>();
  const visiting = new Set<string>();
  const chainFrom = (node: string): string[] => {
    const done = memo.get(node);
    if (done) return done;
    if (visiting.has(node))
      throw new Error(`The renderer's layers import each other in a cycle through ${node}`);
    visiting.add(node);
    let best: string[] = [];
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const chain = chainFrom(next);
      if (chain.length > best.length) best = chain;
    }
    visiting.delete(node);
    const chain = [node, ...best];
    memo.set(node, chain);
    return chain;
  };
  let longest: string[] = [];
  for (const node of [...graph.keys()].sort()) {
    const chain = chainFrom(node);
    if (chain.length > longest.length) longest = chain;
  }
  return longest;
}

/** The renderer's `src` folder in this checkout. */
export const RENDERER_SRC = fileURLToPath(new URL('../renderer/src/', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const imports = rendererImports(RENDERER_SRC);
  const graph = folderGraph(imports);
  for (const [folder, targets] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${folder} → ${[...targets].sort().join(', ') || '(nothing)'}`);
  }
  const chain = longestChain(graph);
  console.log(`\nlongest chain (${chain.length} levels): ${chain.join(' → ')}`);
  const crossing = crossFeatureImports(imports);
  console.log(`feature-to-feature imports: ${crossing.length}`);
  for (const { from, to } of crossing) console.log(`  ${from} → ${to}`);
}
