// `npm run preview`: the browser preview on 127.0.0.1 (the built renderer + the real main-side handlers and store).
// Flags: --user-data DIR (default: the desktop app's folder), --port N.
import { register } from 'tsx/esm/api';
import { parseArgs } from 'node:util';

register();
const { values } = parseArgs({ options: { 'user-data': { type: 'string' }, port: { type: 'string' } } });
const { launchPreview } = await import('../electron/preview/launch.ts');
const server = await launchPreview({
  userDataDir: values['user-data'],
  port: values.port ? Number(values.port) : undefined,
});
console.log(`Rotaplan preview: ${server.url}`);
console.log(`Plan data: ${server.userDataDir}   (Ctrl+C stops it)`);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close().then(() => process.exit(0)));
