// `npm run bench:crash -- --trials N [--json] [--concurrency C] [--seed S]`: saves through the real plan store in a
// child process, SIGKILLs it at random moments, and checks after each kill that the plan file loads valid and is a
// version that was saved or being saved. Exit code 1 when anything was lost or corrupt.
import { parseArgs } from 'node:util';
import { runCrashTrials } from './trials';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    seed: { type: 'string' },
    'max-delay': { type: 'string' },
  },
});

const positive = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a whole number of at least 1, not "${text}"\n`);
    process.exit(2);
  }
  return n;
};

const trials = positive('trials', values.trials)!;
const report = await runCrashTrials({
  trials,
  concurrency: positive('concurrency', values.concurrency),
  seed: positive('seed', values.seed),
  maxDelayMs: positive('max-delay', values['max-delay']),
  onTrial: (done, total) => {
    if (!values.json && (done % 50 === 0 || done === total))
      process.stdout.write(`  ${done}/${total} trials\n`);
  },
});

for (const failure of report.failures) process.stderr.write(`${failure}\n`);
const lines = [
  `trials            ${report.trials}`,
  `lost              ${report.lost}`,
  `corrupt           ${report.corrupt}`,
  `saves finished    ${report.savesDone}`,
  `killed mid-save   ${report.killedMidSave}`,
  `killed at startup ${report.killedDuringStartup}`,
  `elapsed           ${(report.elapsedMs / 1000).toFixed(1)} s`,
];
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ trials: report.trials, lost: report.lost, corrupt: report.corrupt, elapsedMs: report.elapsedMs })}\n`,
  );
} else {
  process.stdout.write(`Crash safety (SIGKILL during saves through the plan store)\n${lines.join('\n')}\n`);
}
process.exitCode = report.lost === 0 && report.corrupt === 0 ? 0 : 1;
