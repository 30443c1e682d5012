import { readFile } from 'node:fs/promises';
import semver from 'semver';

type Lock = { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };

describe('engines', () => {
  it("every locked package's engines admit every Node version package.json declares", async () => {
    const manifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    const lock = JSON.parse(
      await readFile(new URL('../../../package-lock.json', import.meta.url), 'utf8'),
    ) as Lock;
    const declared: string = manifest.engines.node;
    const narrower: string[] = [];
    let checked = 0;
    for (const [path, info] of Object.entries(lock.packages)) {
      const node = Array.isArray(info.engines) ? undefined : info.engines?.node;
      if (path === '' || node === undefined) continue;
      checked += 1;
      if (!semver.subset(declared, node))
        narrower.push(`${path.replace(/^.*node_modules\//, '')} (node ${node})`);
    }
    expect(narrower).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('.nvmrc names the Node major CI runs, and package.json supports its current releases', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    const nvmrc = (await readFile(new URL('../../../.nvmrc', import.meta.url), 'utf8')).trim();
    expect(nvmrc).toBe('20');
    expect(semver.satisfies('20.19.0', manifest.engines.node)).toBe(true);
    expect(semver.satisfies('20.18.3', manifest.engines.node)).toBe(false);
  });
});
