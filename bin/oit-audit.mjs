#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built at install and pack time by scripts/build-cli.mjs).
// Only in a development checkout (tsconfig.json beside the package, never in the npm tarball)
// and only when there is no build, or a source file is newer than it, does it compile the
// TypeScript sources with tsx instead: slower to start, never stale.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const built = new URL('dist/cli/cli.mjs', root);
const tsconfig = fileURLToPath(new URL('tsconfig.json', root));

function buildIsCurrent() {
  if (!existsSync(built)) return false;
  if (!existsSync(tsconfig)) return true;
  try {
    const builtAt = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (buildIsCurrent()) {
  await import(built.href);
} else {
  // Compile with the package's own tsconfig ("jsx": "react-jsx" for the HTML report) whatever the
  // working directory: tsx would otherwise look for a tsconfig from the cwd.
  const { register } = await import('tsx/esm/api');
  register(existsSync(tsconfig) ? { tsconfig } : {});
  await import('../src/cli/run.ts');
}
