import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every HTML file (.html, .htm) under `dir`, depth first, sorted by name in each folder. */
export function htmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.html?$/i.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}
