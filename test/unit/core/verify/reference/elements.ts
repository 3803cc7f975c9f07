// REFERENCE COPY, frozen for the differential test (probe-equivalence.test.ts) and the
// micro-benchmark (test/bench/scan-micro.ts): src/core/verify/elements.ts's compileElementProbes
// verbatim as of commit 94270fb, before the probes were made cheaper (only the import paths and
// the name changed), and the line of src/core/extract/snapshot.ts that runs them. Do not edit.
import type { PageFeatures } from '../../../../../src/core/extract/types';
import type { RulePack } from '../../../../../src/core/rules/load-pack';

/** snapshot.ts's ElementProbe as it was. */
export interface ElementProbe {
  key: string;
  test: (lowerText: string, features: PageFeatures) => boolean;
}

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
 * (keys "O5:phone"), so snapshots carry the answer and no page text has to be kept.
 */
export function compileReferenceProbes(pack: RulePack): ElementProbe[] {
  const probes: ElementProbe[] = [];
  for (const item of pack.items) {
    for (const element of item.requiredElements) {
      const tests = element.anyOf.map((m) => {
        if ('text' in m) {
          const re = new RegExp(m.text, 'u');
          return (text: string) => re.test(text);
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

/** snapshot.ts's evaluation: `(options.probes ?? []).filter((p) => p.test(lower, walked.features)).map((p) => p.key)`. */
export function referenceElements(
  probes: readonly ElementProbe[],
  lower: string,
  features: PageFeatures,
): string[] {
  return probes.filter((p) => p.test(lower, features)).map((p) => p.key);
}
