#!/bin/sh
# The browser extension (editors/browser/) in real headless Chromium, driven by puppeteer-core:
#
#   sh tests/browser/run.sh BUILD/reviewlint WORKDIR
#
# puppeteer-core comes from npm into WORKDIR/npm (once; never vendored). Exits 77 (CTest's
# SKIP_RETURN_CODE) when Chromium, Node.js 18+, npm or puppeteer-core is missing.
set -eu
binary=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
skip() {
  echo "SKIP: $*"
  exit 77
}
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || skip "no Chromium at $chromium (apt-get install chromium)"
command -v node >/dev/null 2>&1 || skip "no node (apt-get install nodejs)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' || skip "Node.js older than 18"
mkdir -p "$work"
work=$(cd "$work" && pwd)
prefix=${PUPPETEER_PREFIX:-$work/npm}
if [ ! -f "$prefix/node_modules/puppeteer-core/package.json" ]; then
  command -v npm >/dev/null 2>&1 || skip "no npm (apt-get install npm)"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save puppeteer-core@24 >"$work/npm.log" 2>&1 ||
    skip "npm could not install puppeteer-core (see $work/npm.log)"
fi
exec node "$here/browser_test.mjs" --binary "$binary" --work "$work" --chromium "$chromium" \
  --puppeteer "$prefix/node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js"
