import type { ElementProbe } from '../extract/snapshot';
import type { PageFeatures } from '../extract/types';
import type { RulePack } from '../rules/load-pack';
import type { RuleItem } from '../rules/schema';
import { TextPatterns } from './text-patterns';

const featureKey: Record<string, keyof PageFeatures> = {
  form: 'form',
  map: 'map',
  'email-link': 'emailLink',
  'tel-link': 'telLink',
  image: 'image',
  iframe: 'iframe',
};

/**
 * Compiles the pack's required elements into probes the extractor runs on every page
 * (keys "O5:phone"), so snapshots carry the answer and no page text has to be kept. The text
 * patterns are run together (text-patterns.ts): a page is read once for all of them (an auto
 * audit reads with one pack that merges every bundled pack, extraction-pack.ts).
 */
export function compileElementProbes(pack: RulePack): ElementProbe[] {
  const patterns = new TextPatterns();
  const probes: ElementProbe[] = [];
  for (const item of pack.items) {
    for (const element of item.requiredElements) {
      const tests = element.anyOf.map((m) => {
        if ('text' in m) {
          const test = patterns.add(m.text);
          return (text: string) => test(text);
        }
        const key = featureKey[m.feature] as keyof PageFeatures;
        return (_text: string, features: PageFeatures) => features[key];
      });
      probes.push({
        key: `${item.id}:${element.id}`,
        test: (text, features) => tests.some((t) => t(text, features)),
      });
    }
  }
  return probes;
}

/** The required elements of `item` not among `found` (keys "O5:map"). */
export function missingElements(item: RuleItem, found: readonly string[]) {
  return item.requiredElements.filter((e) => !found.includes(`${item.id}:${e.id}`));
}
