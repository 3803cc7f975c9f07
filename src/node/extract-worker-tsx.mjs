// The page-extraction thread's entry when the CLI runs from its TypeScript sources (tests, a
// checkout without a build): a worker does not inherit the main thread's tsx hooks, so it
// registers its own. The compiled CLI starts dist/cli/extract-worker.mjs instead (build-cli.mjs).
const { register } = await import('tsx/esm/api');
register();
await import('./extract-worker.ts');
