import type { RequiredElement } from '../rules/schema';

/** Joins element labels for a problem message, in Thai and English. */
export function elementLabels(elements: readonly RequiredElement[]): { th: string; en: string } {
  return {
    th: elements.map((e) => e.label.th).join(', '),
    en: elements.map((e) => e.label.en ?? e.label.th).join(', '),
  };
}
