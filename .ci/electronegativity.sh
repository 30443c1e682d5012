#!/usr/bin/env bash
# Electron security lint: Electronegativity over the main-side sources (electron/) and, when built, the bundles
# (out/). Installed in its own folder so it never enters the app's lockfile. Fails on any finding that
# tools/electronegativity/allow-list.json does not accept with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."

tool=tools/electronegativity
npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error

# The Electron the app ships (the tool's own lookup needs the network).
electron_version=$(node -p "try { require('./node_modules/electron/package.json').version } catch { require('./package.json').devDependencies.electron.replace(/^[^0-9]*/, '') }")

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
targets=(electron)
[ -d out ] && targets+=(out)
for target in "${targets[@]}"; do
  echo "Electronegativity over $target/ (Electron $electron_version)"
  "$tool/node_modules/.bin/electronegativity" -i "$target" -r -e "$electron_version" -v false \
    -o "$reports/$target.sarif" >"$reports/$target.log" 2>&1 || {
    cat "$reports/$target.log"
    echo "Electronegativity could not scan $target/" >&2
    exit 1
  }
  [ -s "$reports/$target.sarif" ] || {
    cat "$reports/$target.log"
    echo "Electronegativity wrote no report for $target/" >&2
    exit 1
  }
done
node "$tool/check-findings.mjs" "$reports"/*.sarif
