import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type CheckNode = {
  SUPPORTED_NODE: string;
  isSupportedNode: (version: string) => boolean;
  nodeProblem: (version: string) => string | null;
};
const checkNodeFile = fileURLToPath(new URL('../../../bin/check-node.cjs', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/rotaplan.js', import.meta.url));
const { SUPPORTED_NODE, isSupportedNode, nodeProblem } = createRequire(import.meta.url)(
  checkNodeFile,
) as CheckNode;

/** Runs Node with its reported version replaced before any module loads, as an older Node would report it. */
function runAsNode(version: string, args: string[]) {
  const fake = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', fake, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const REFUSAL_18 =
  'Rotaplan needs Node.js 20.19+, 22.13+ or 24 and newer (this is Node.js 18.20.0): install a current LTS ' +
  'release from https://nodejs.org, or run `nvm use` in the Rotaplan folder.';

describe('bin/check-node.cjs', () => {
  it('declares the same Node range as package.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(manifest.engines.node).toBe(SUPPORTED_NODE);
  });

  it('accepts 20.19+, 22.13+ and 24 and newer, and nothing else', () => {
    const accepted = ['20.19.0', 'v20.20.2', '22.13.0', '22.21.1', '24.0.0', '25.2.1', '26.0.0'];
    const refused = [
      '18.20.0',
      '20.0.0',
      '20.18.3',
      '21.7.3',
      '22.0.0',
      '22.12.0',
      '23.11.0',
      'v16.20.2',
      'x',
    ];
    expect(accepted.filter((v) => !isSupportedNode(v))).toEqual([]);
    expect(refused.filter((v) => isSupportedNode(v))).toEqual([]);
    expect(nodeProblem('20.19.0')).toBeNull();
    expect(nodeProblem('v18.20.0')).toBe(REFUSAL_18);
  });

  it('stops a process on an older Node with the sentence and exit code 1', async () => {
    const result = await runAsNode('18.20.0', [checkNodeFile]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${REFUSAL_18}\n` });
  });

  it('makes bin/rotaplan.js refuse an older Node before the CLI starts', async () => {
    const old = await runAsNode('18.20.0', [bin, 'help']);
    expect(old).toEqual({ code: 1, stdout: '', stderr: `${REFUSAL_18}\n` });
    const current = await runAsNode('20.19.0', [bin, 'help']);
    expect(current.stderr).toBe('');
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/^Usage: rotaplan <command>/);
  }, 60_000);
});
