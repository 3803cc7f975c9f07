import { ContentScanner } from '../content/scanner';
import type { RulePack } from '../rules/load-pack';
import { allRulePacks } from '../rules/registry';
import type { RuleItem } from '../rules/schema';
import type { FetchResponse } from '../types';
import { compileElementProbes } from '../verify/elements';
import { type ElementProbe, extractSnapshot } from './snapshot';
import type { PageSnapshot } from './types';

/**
 * What a page extractor reads pages for, as plain data (structured-clone safe), so that a shell
 * may build the same extractor in another thread (src/node/extract-pool.ts).
 */
export type ExtractorSpec =
  /** Every bundled pack merged (an `auto` audit): the extractor resolves the packs itself. */
  | { rules: 'bundled' }
  /** One pack (a bundled one or one loaded from a folder), as data. */
  | { rules: 'pack'; pack: RulePack };

/**
 * Turns the crawl's HTML responses into snapshots. The crawler hands each page over once; the
 * extractor may take the response's body (a worker shell transfers its buffer), so the caller
 * must not read `response.body` after `extract`.
 */
export interface PageExtractor {
  extract(response: FetchResponse, depth: number): Promise<PageSnapshot>;
  /** Ends what the extractor started (threads); pages asked for later are not extracted. */
  close(): Promise<void>;
}

/** The probes and scanner pages are read with: the same for every extractor built from `spec`. */
export function extractionSetup(spec: ExtractorSpec): { probes: ElementProbe[]; scanner: ContentScanner } {
  if (spec.rules === 'pack') {
    return { probes: compileElementProbes(spec.pack), scanner: new ContentScanner(spec.pack) };
  }
  // Required elements and content phrases are probed on every page for every pack an auto
  // audit may end with; a key ("O5:phone", "O5:address") means the same thing in every
  // bundled pack (test/unit/core/rules/packs.test.ts).
  const packs = allRulePacks();
  return { probes: mergedProbes(packs), scanner: new ContentScanner(mergedContentPack(packs)) };
}

/** Extracts on the calling thread: the extension, a one-core machine, the fallback. */
export function inProcessExtractor(
  spec: ExtractorSpec,
  setup: ReturnType<typeof extractionSetup> = extractionSetup(spec),
): PageExtractor {
  const { probes, scanner } = setup;
  return {
    extract: async (response, depth) => extractSnapshot(response, { depth, probes, scanner }),
    close: async () => {},
  };
}

/**
 * Hands the snapshots over in the order the pages were given, whatever order the extractor
 * finishes them in (several worker threads): what the audit does with page N after pages
 * 0..N−1 then never depends on which thread was quicker, as with an in-process extractor.
 * A rejection is handed over in its turn too.
 */
export function inCallOrder(extractor: PageExtractor): PageExtractor {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    extract(response, depth) {
      let result: Promise<PageSnapshot>;
      try {
        result = extractor.extract(response, depth);
      } catch (e) {
        result = Promise.reject(e);
      }
      // Handled here: a page that fails while an earlier one is still read is not "unhandled".
      result.catch(() => {});
      const turn = tail.then(() => result);
      tail = turn.catch(() => {});
      return turn;
    },
    close: () => extractor.close(),
  };
}

/** The element probes of several packs, each key once. */
function mergedProbes(packs: readonly RulePack[]): ElementProbe[] {
  const byKey = new Map<string, ElementProbe>();
  for (const p of packs)
    for (const probe of compileElementProbes(p)) if (!byKey.has(probe.key)) byKey.set(probe.key, probe);
  return [...byKey.values()];
}

/** One pack whose items carry the content signals of several packs (merged per item id and concept id). */
function mergedContentPack(packs: readonly RulePack[]): RulePack {
  const byId = new Map<string, RuleItem>();
  for (const p of packs) {
    for (const item of p.items) {
      if (!item.content) continue;
      const prev = byId.get(item.id);
      if (!prev?.content) {
        byId.set(item.id, item);
        continue;
      }
      const concepts = [...prev.content.concepts];
      for (const c of item.content.concepts) if (!concepts.some((x) => x.id === c.id)) concepts.push(c);
      const negative = [...prev.content.negative];
      for (const c of item.content.negative) if (!negative.some((x) => x.id === c.id)) negative.push(c);
      byId.set(item.id, { ...prev, content: { ...prev.content, concepts, negative } });
    }
  }
  const markers = [...new Set(packs.flatMap((p) => p.reportMarkers ?? []))];
  return { ...(packs[0] as RulePack), items: [...byId.values()], reportMarkers: markers };
}
