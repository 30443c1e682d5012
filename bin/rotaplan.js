#!/usr/bin/env node
import './check-node.cjs'; // first: refuses an unsupported Node.js in one sentence before anything else loads
// The `rotaplan` command: runs the CLI that `npm run build` bundles into out/cli (vite.cli.config.ts), so an
// install with production dependencies only works and no TypeScript is transpiled at run time.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { URL } from 'node:url';

const entry = new URL('../out/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'rotaplan: the CLI is not built (out/cli/main.js is missing). In a checkout of the source, run `npm run build` first.\n',
  );
  process.exit(1);
}
// Node 22.1 and later keep the compiled code of the CLI and its dependencies between runs (a no-op before).
module.enableCompileCache?.();
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
});
