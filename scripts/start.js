// `npm start`: launch the Electron app; where Electron's binary is missing (no internet when it was installed),
// say so in one sentence and start the browser preview instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  // Resolving `electron` downloads its binary when missing; run that in a child so a failed download cannot
  // take this process down, and give it a bounded time.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: process.cwd(),
  });
  if (probe.status !== 0 || !probe.stdout) return null;
  const path = probe.stdout.trim();
  try {
    require('node:fs').accessSync(path);
    return path;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's binary is not installed on this machine, so Rotaplan opens in the browser preview instead.",
  );
  await import('./preview.js');
}
