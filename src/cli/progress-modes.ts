// Apart from progress.ts (cli-progress): `audit --help` lists the modes without loading it.
export const PROGRESS_MODES = ['auto', 'bar', 'lines', 'none'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];
