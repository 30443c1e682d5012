// Reads Electronegativity's SARIF reports and fails on any finding the allow-list does not name (check + file),
// printing each with where it is and the rule's help page. Used by .ci/electronegativity.sh.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const allowList = JSON.parse(readFileSync(join(here, 'allow-list.json'), 'utf8')).allowed;
for (const entry of allowList) {
  if (
    !entry.check ||
    !Array.isArray(entry.files) ||
    typeof entry.reason !== 'string' ||
    entry.reason.length < 20
  ) {
    console.error(`allow-list.json: every entry needs a check, files and a reason: ${JSON.stringify(entry)}`);
    process.exit(2);
  }
}

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('usage: check-findings.mjs REPORT.sarif ...');
  process.exit(2);
}

const used = new Set();
const refused = [];
let total = 0;
for (const report of reports) {
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  for (const run of sarif.runs ?? []) {
    for (const result of run.results ?? []) {
      total += 1;
      const location = result.locations?.[0]?.physicalLocation;
      const file = location?.artifactLocation?.uri ?? '(unknown file)';
      const line = location?.region?.startLine ?? '?';
      const allowed = allowList.find((entry) => entry.check === result.ruleId && entry.files.includes(file));
      if (allowed) used.add(allowed);
      else refused.push(`${result.ruleId} in ${file}:${line}: ${result.message?.text ?? ''} (${report})`);
    }
  }
}

for (const entry of allowList) {
  if (!used.has(entry))
    console.warn(`note: allow-list entry ${entry.check} matched nothing; remove it if it is stale`);
}
console.log(
  `Electronegativity: ${total} finding(s), ${total - refused.length} allowed with a reason, ${refused.length} not allowed`,
);
for (const line of refused) console.error(`  NOT ALLOWED  ${line}`);
process.exit(refused.length === 0 ? 0 : 1);
