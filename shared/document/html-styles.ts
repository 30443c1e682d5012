/**
 * The stylesheet inlined in the HTML plan document: readable on screen, clean on paper (A4 margins, no page break
 * inside a table row or issue, headings kept with what follows, member chips printed in colour).
 * Why inline: the exported file must stand alone — mailed, archived or printed without any other file.
 */
export const PLAN_DOCUMENT_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 32px 40px 64px; }
h1 { font-size: 28px; margin: 0 0 12px; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 24px 0 8px; color: var(--accent); }
p { margin: 8px 0; }
p.label { margin: 14px 0 4px; }
ul, ol { margin: 4px 0 8px; padding-left: 24px; }
li { margin: 2px 0; }
hr { border: 0; border-top: 1px solid var(--line); margin: 28px 0; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f4f8;
  padding: 1px 4px; border-radius: 3px; }
em.missing { color: #9a3412; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f5f7fa; }
.doc-header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 8px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 8px; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts > div { display: contents; }
.facts dd { margin: 0; }
.intro { color: var(--muted); }
.member { white-space: nowrap; }
.chip { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.3em;
  vertical-align: baseline; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3, p.label { break-after: avoid; page-break-after: avoid; }
  tr, li, .facts { break-inside: avoid; page-break-inside: avoid; }
  section.runbook { break-before: page; page-break-before: always; }
  hr { display: none; }
  code { background: none; padding: 0; }
}
`;
