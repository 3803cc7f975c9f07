#!/usr/bin/env bash
# CI (issue 13): the npm package as a user gets it. Packs the tarball, installs it into an empty
# project with the Node and npm the README states (no dev dependencies, no install script), serves
# the bundled sample site test/sites/agency-gaps on 127.0.0.1 and runs
# `npx oit-audit audit <url> --format html,json,junit --output-dir …` from there, then checks that
# the three files exist, parse and agree.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

# The README's promise: Node 20.18+ and npm 11.
node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  if (maj < 20 || (maj === 20 && min < 18)) { console.error(`install-from-tarball: Node ${process.version} < 20.18 (README)`); process.exit(1); }'
npm_major=$(npm --version | cut -d. -f1)
if [ "$npm_major" -lt 11 ]; then echo "install-from-tarball: npm $(npm --version) < 11 (README)" >&2; exit 1; fi
echo "install-from-tarball: node $(node --version), npm $(npm --version)"

work=$(mktemp -d "${TMPDIR:-/tmp}/oit-pack-XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# `npm pack` runs `prepack`: the CLI build (scripts/build-cli.mjs).
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
echo "install-from-tarball: packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
tar -tzf "$work/$tarball" >"$work/contents.txt"
if ! grep -q '^package/dist/cli/cli.mjs$' "$work/contents.txt"; then
  echo "install-from-tarball: the tarball has no compiled CLI (dist/cli/cli.mjs)" >&2
  exit 1
fi
# The worker threads' own files (PDF text, page extraction): without them the CLI would fall back
# to slower paths without a word.
for worker in pdf-worker extract-worker; do
  if ! grep -q "^package/dist/cli/$worker.mjs$" "$work/contents.txt"; then
    echo "install-from-tarball: the tarball has no dist/cli/$worker.mjs" >&2
    exit 1
  fi
done

mkdir "$work/project"
cd "$work/project"
npm init -y >/dev/null
# --foreground-scripts: an install script of ours would show here (there must be none).
npm install --no-audit --no-fund --foreground-scripts "$work/$tarball"
# The build bundles every library: the package installs nothing else (so no engine warnings).
extra=$(ls node_modules | grep -v -x -e oit-audit -e .bin -e .package-lock.json || true)
if [ -n "$extra" ]; then
  echo "install-from-tarball: the package pulled in dependencies: $extra" >&2
  exit 1
fi

cd "$repo"
# One process (no npx wrapper), so the trap's kill stops the server itself.
node --import tsx test/pack/serve-site.ts test/sites/agency-gaps >"$work/server.out" &
server_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/server.out" ] && break
  sleep 0.1
done
url=$(head -1 "$work/server.out")
[ -n "$url" ] || { echo "install-from-tarball: the site server did not start" >&2; exit 1; }

cd "$work/project"
npx --no-install oit-audit --version
# A test site on this machine: no delay, no other host. Exit 0: no gate is set.
npx --no-install oit-audit audit "$url/" --year 2568 --delay 0 --no-offsite-check -q \
  --format html,json,junit --output-dir out >text-report.txt
tail -3 text-report.txt
ls -l out

cd "$repo"
npx tsx test/pack/check-audit-output.ts "$work/project/out" "$url"
