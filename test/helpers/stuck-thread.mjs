// Preloaded with --import by a test (built-cli.e2e.test.ts): a worker thread that never ends and
// holds the process open, as a thread stuck in a system call would. Only process.exit ends it.
import { Worker } from 'node:worker_threads';

new Worker('for (;;) {}', { eval: true });
