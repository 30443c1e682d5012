// Electron's binary, downloaded on first use. The install script of the `electron` package is not run by
// `npm install` (package.json's allowScripts denies it): its download from GitHub would fail the whole install on a
// machine that reaches the npm registry but not GitHub. The binary is fetched here instead, when it is first needed.
// `node scripts/electron-binary.js` makes sure it is there (exit 1 with one sentence when it cannot be).
import { spawnSync } from 'node:child_process';
import { accessSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The installed binary's path, or null. Resolved in a child so a broken install cannot take this process down. */
function installedBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 30_000,
    cwd: process.cwd(),
  });
  if (probe.status !== 0 || !probe.stdout) return null;
  const path = probe.stdout.trim();
  try {
    accessSync(path);
    return path;
  } catch {
    return null;
  }
}

/** Electron's binary: the installed one, else downloaded now by the package's own install script; null when neither. */
export function electronBinary() {
  const installed = installedBinary();
  if (installed) return installed;
  let script;
  try {
    script = require.resolve('electron/install.js');
  } catch {
    return null;
  }
  console.log("Downloading Electron's binary (once) …");
  const download = spawnSync(process.execPath, [script], { stdio: 'ignore', timeout: 600_000 });
  return download.status === 0 ? installedBinary() : null;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !electronBinary()) {
  console.error("Electron's binary is not installed and could not be downloaded (is GitHub reachable?).");
  process.exit(1);
}
