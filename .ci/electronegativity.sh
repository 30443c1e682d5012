#!/usr/bin/env bash
# Electron security lint: Electronegativity over the app in one scan (its global checks, such as "is there a CSP"
# or "are navigations limited", need main and the renderer together): the main-side sources (electron/) and, when
# built, the preload and renderer bundles (out/preload, out/renderer, which hold third-party code too). out/main is
# electron/ and shared/ bundled without their comments, so its sources stand in for it. Installed in its own folder
# so it never enters the app's lockfile. Any finding fails: there is no allow-list. A finding the tool can only ask
# to review, not one to fix, is marked on its line with the tool's own `eng-disable CHECK_ID` comment, under a
# comment saying why.
set -euo pipefail
cd "$(dirname "$0")/.."

tool=tools/electronegativity
npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error

# The Electron the app ships (the tool's own lookup needs the network).
electron_version=$(node -p "try { require('./node_modules/electron/package.json').version } catch { require('./package.json').devDependencies.electron.replace(/^[^0-9]*/, '') }")

scan=$(mktemp -d)
trap 'rm -rf "$scan"' EXIT
mkdir -p "$scan/app/out"
cp -R electron "$scan/app/electron"
scanned=(electron/)
for built in out/preload out/renderer; do
  if [ -d "$built" ]; then
    cp -R "$built" "$scan/app/out/"
    scanned+=("$built/")
  fi
done
echo "Electronegativity over ${scanned[*]} (Electron $electron_version)"
"$tool/node_modules/.bin/electronegativity" -i "$scan/app" -r -e "$electron_version" -v false \
  -o "$scan/report.sarif" >"$scan/report.log" 2>&1 || {
  cat "$scan/report.log"
  echo "Electronegativity could not scan the app" >&2
  exit 1
}
[ -s "$scan/report.sarif" ] || {
  cat "$scan/report.log"
  echo "Electronegativity wrote no report" >&2
  exit 1
}
node "$tool/check-findings.mjs" "$scan/report.sarif"
