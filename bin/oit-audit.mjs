#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx oit-audit` works right after
// `npm install` with no build step to remember.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Compile with the package's own tsconfig ("jsx": "react-jsx" for the HTML report) whatever the
// working directory: tsx would otherwise look for a tsconfig from the cwd and compile JSX to
// React.createElement without an import.
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register(existsSync(tsconfig) ? { tsconfig } : {});
await import('../src/cli/run.ts');
