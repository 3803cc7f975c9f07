/** True when a `--rules` value names a pack on disk (a folder or a JSON file), not a bundled id. */
export function looksLikePath(value: string): boolean {
  return /[/\\]/.test(value) || value.startsWith('.') || value.endsWith('.json');
}
