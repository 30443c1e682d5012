// Reads Electronegativity's SARIF reports and fails on any finding, printing each with where it is and the rule's
// help page. There is no allow-list: a finding is fixed in the code, or (when the tool can only ask for a review)
// marked reviewed on its line with `eng-disable CHECK_ID`, which the tool itself honours. Used by
// .ci/electronegativity.sh.
import { readFileSync } from 'node:fs';

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('usage: check-findings.mjs REPORT.sarif ...');
  process.exit(2);
}

const findings = [];
for (const report of reports) {
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  for (const run of sarif.runs ?? []) {
    const help = new Map((run.tool?.driver?.rules ?? []).map((rule) => [rule.id, rule.helpUri ?? '']));
    for (const result of run.results ?? []) {
      const location = result.locations?.[0]?.physicalLocation;
      const file = location?.artifactLocation?.uri ?? '(unknown file)';
      const line = location?.region?.startLine ?? '?';
      findings.push(
        `${result.ruleId} in ${file}:${line}: ${result.message?.text ?? ''} ${help.get(result.ruleId) ?? ''} (${report})`,
      );
    }
  }
}

console.log(`Electronegativity: ${findings.length} finding(s)`);
for (const line of findings) console.error(`  FINDING  ${line.trim()}`);
process.exit(findings.length === 0 ? 0 : 1);
