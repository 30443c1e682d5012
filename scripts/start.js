// `npm start`: launch the Electron app; where Electron's binary is missing and cannot be downloaded (no internet),
// say so in one sentence and start the browser preview instead.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.js';

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
