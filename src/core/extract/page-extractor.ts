import type { RulePack } from '../rules/load-pack';
import { allRulePacks, prebuiltExtractionPack } from '../rules/registry';
import type { FetchResponse } from '../types';
import { type ExtractionSetup, extractionPack, setupForPack } from './extraction-pack';
import { extractSnapshot, extractSummary } from './snapshot';
import type { PageSnapshot, PageSummary } from './types';

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
 * Turns the crawl's HTML responses into snapshots, or summaries. The crawler hands each page over
 * once; the extractor may take the response's body (a worker shell transfers its buffer), so the
 * caller must not read `response.body` after `extract` or `summarise`.
 */
export interface PageExtractor {
  /** Reads a page whole. */
  extract(response: FetchResponse, depth: number): Promise<PageSnapshot>;
  /**
   * Reads a page only as far as the crawl needs (links, title, headings) and holds on to it a
   * while, so that `complete` can read the rest if the page turns out to be wanted. `keep`: the
   * caller will want it whole; an extractor may read it whole meanwhile, when it has no page
   * waiting (the thread pool does: the crawl waits for summaries, not for whole snapshots).
   */
  summarise(response: FetchResponse, depth: number, keep?: boolean): Promise<PageSummary>;
  /**
   * The whole snapshot of a page `summarise` read, the same as `extract` would have made; null
   * when the extractor no longer holds the page (then verification fetches it again). Never
   * rejects.
   */
  complete(page: PageSummary): Promise<PageSnapshot | null>;
  /** Ends what the extractor started (threads); pages asked for later are not extracted. */
  close(): Promise<void>;
}

let bundledPack: RulePack | undefined;

/**
 * The one pack `spec` reads pages with: an auto audit's merges every bundled pack (built once).
 * A page-reading thread is sent a pack of its own as data; for an auto audit it builds this
 * merge itself (in the compiled CLI, read from the file the build made).
 */
export function extractionPackOf(spec: ExtractorSpec): RulePack {
  if (spec.rules === 'pack') return spec.pack;
  // The compiled CLI ships the merge made at build time from the same packs (a test compares).
  bundledPack ??= prebuiltExtractionPack?.() ?? extractionPack(allRulePacks());
  return bundledPack;
}

/** The probes and scanner pages are read with: the same for every extractor built from `spec`. */
export function extractionSetup(spec: ExtractorSpec): ExtractionSetup {
  return setupForPack(extractionPackOf(spec));
}

/** Extracts on the calling thread: the extension, a one-core machine, the fallback. */
export function inProcessExtractor(
  spec: ExtractorSpec,
  setup: ExtractionSetup = extractionSetup(spec),
): PageExtractor {
  const { probes, scanner } = setup;
  // A summarised page's response (or, asked to keep, its whole snapshot), for as long as its
  // summary lives (the audit lets go of it after the page's turn): nothing to bound by hand.
  const held = new WeakMap<
    PageSummary,
    { whole: PageSnapshot } | { response: FetchResponse; depth: number }
  >();
  return {
    extract: async (response, depth) => extractSnapshot(response, { depth, probes, scanner }),
    summarise: async (response, depth, keep) => {
      if (keep) {
        // Wanted whole: read whole at once (here nothing else could be done meanwhile).
        const whole = extractSnapshot(response, { depth, probes, scanner });
        held.set(whole, { whole });
        return whole;
      }
      const page = extractSummary(response, { depth });
      held.set(page, { response, depth });
      return page;
    },
    complete: async (page) => {
      const read = held.get(page);
      if (!read) return null;
      held.delete(page);
      if ('whole' in read) return read.whole;
      try {
        return extractSnapshot(read.response, { depth: read.depth, probes, scanner });
      } catch {
        return null;
      }
    },
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
  const inTurn = <T>(read: () => Promise<T>): Promise<T> => {
    let result: Promise<T>;
    try {
      result = read();
    } catch (e) {
      result = Promise.reject(e);
    }
    // Handled here: a page that fails while an earlier one is still read is not "unhandled".
    result.catch(() => {});
    const turn = tail.then(() => result);
    tail = turn.catch(() => {});
    return turn;
  };
  return {
    extract: (response, depth) => inTurn(() => extractor.extract(response, depth)),
    summarise: (response, depth, keep) => inTurn(() => extractor.summarise(response, depth, keep)),
    // Not in turn: a page is completed during its own turn, after the pages before it.
    complete: (page) => extractor.complete(page),
    close: () => extractor.close(),
  };
}
