#!/usr/bin/env node
import './check-node.cjs'; // first: refuses an unsupported Node.js in one sentence before anything else loads
// The `rotaplan` command. The CLI is TypeScript run through tsx, so `npx rotaplan` works right after `npm install`
// without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
});
