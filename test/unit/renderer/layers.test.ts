import {
  crossFeatureImports,
  folderGraph,
  layerOf,
  longestChain,
  RENDERER_SRC,
  rendererImports,
} from '../../../scripts/renderer-layers';

const KNOWN_LAYERS = /^(app|theme|components\/hooks|store\/api\/workers|features\/[a-z-]+)$/;

describe("the renderer's layers", () => {
  const imports = rendererImports(RENDERER_SRC);
  const graph = folderGraph(imports);

  it('finds the imports, dynamic ones included (the shell loads most views on first use)', () => {
    expect(imports).toContainEqual({ from: 'main.tsx', to: 'app/app.tsx' });
    expect(imports).toContainEqual({ from: 'app/views.tsx', to: 'features/calendar/calendar-view.tsx' });
    expect(imports).toContainEqual({
      from: 'features/team/time-off-dialog.tsx',
      to: 'hooks/use-apply-edit.ts',
    });
  });

  it('has no import from one feature folder into another', () => {
    expect(crossFeatureImports(imports)).toEqual([]);
  });

  it('is four levels deep: app → a feature → components/hooks → store/api/workers', () => {
    const chain = longestChain(graph);
    expect(chain).toHaveLength(4);
    expect(chain[0]).toBe('app');
    expect(chain[1]).toMatch(/^features\//);
    expect(chain.slice(2)).toEqual(['components/hooks', 'store/api/workers']);
  });

  it('puts every folder in a known layer, so a new top-level folder cannot escape the count', () => {
    const unknown = [...graph.keys()].filter((layer) => !KNOWN_LAYERS.test(layer));
    expect(unknown).toEqual([]);
  });

  it('keeps the shared layers below the features: they import no feature and not the shell', () => {
    for (const layer of ['components/hooks', 'store/api/workers']) {
      const targets = [...(graph.get(layer) ?? [])];
      expect(targets.filter((t) => t === 'app' || t.startsWith('features/'))).toEqual([]);
    }
  });
});

describe('the layer measurements', () => {
  it('names the layer of a path', () => {
    expect(layerOf('main.tsx')).toBeNull();
    expect(layerOf('features/team/team-view.tsx')).toBe('features/team');
    expect(layerOf('hooks/use-edit-runner.tsx')).toBe('components/hooks');
    expect(layerOf('api/api.ts')).toBe('store/api/workers');
    expect(layerOf('app/app.tsx')).toBe('app');
  });

  it('catches a feature importing another feature', () => {
    const imports = [
      { from: 'features/team/team-view.tsx', to: 'features/team/time-off-dialog.tsx' },
      { from: 'features/optimize/swap.tsx', to: 'features/calendar/calendar-format.ts' },
      { from: 'features/optimize/swap.tsx', to: 'components/tint-badge.tsx' },
    ];
    expect(crossFeatureImports(imports)).toEqual([
      { from: 'features/optimize/swap.tsx', to: 'features/calendar/calendar-format.ts' },
    ]);
  });

  it('counts a chain through two features as five levels', () => {
    const graph = folderGraph([
      { from: 'app/views.tsx', to: 'features/optimize/optimize-view.tsx' },
      { from: 'features/optimize/optimize-view.tsx', to: 'features/calendar/calendar-format.ts' },
      { from: 'features/calendar/calendar-format.ts', to: 'components/tint-badge.tsx' },
      { from: 'components/tint-badge.tsx', to: 'store/store.ts' },
      { from: 'store/store.ts', to: 'api/api.ts' },
    ]);
    expect(longestChain(graph)).toEqual([
      'app',
      'features/optimize',
      'features/calendar',
      'components/hooks',
      'store/api/workers',
    ]);
  });

  it('refuses a cycle between layers, naming one', () => {
    const graph = folderGraph([
      { from: 'app/app.tsx', to: 'features/export/export-view.tsx' },
      { from: 'features/export/export-view.tsx', to: 'app/command-bus.ts' },
    ]);
    expect(() => longestChain(graph)).toThrow(
      "The renderer's layers import each other in a cycle through app",
    );
  });
});
