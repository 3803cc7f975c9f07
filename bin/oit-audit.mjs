#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built at install and pack time by scripts/build-cli.mjs).
// Only in a development checkout (tsconfig.json beside the package, never in the npm tarball)
// and only when there is no build, or a source file is newer than it, does it compile the
// TypeScript sources with tsx instead: slower to start, never stale.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const built = new URL('dist/cli/cli.mjs', root);
const rootPath = fileURLToPath(root);
const tsconfig = `${rootPath}tsconfig.json`;

function buildIsCurrent() {
  if (!existsSync(built)) return false;
  if (!existsSync(tsconfig)) return true;
  try {
    const builtAt = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    const newer = (file) => statSync(rootPath + file).mtimeMs > builtAt;
    // Every stat costs start-up time, and most inputs are library files. npm rewrites
    // node_modules/.package-lock.json whenever it changes node_modules: one stat stands for them.
    const lock = statSync(`${rootPath}node_modules/.package-lock.json`, { throwIfNoEntry: false });
    if (!lock) return !inputs.some(newer);
    return (
      lock.mtimeMs <= builtAt && !inputs.some((file) => !file.startsWith('node_modules/') && newer(file))
    );
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
