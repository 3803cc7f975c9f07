import { slimSnapshot } from './snapshot';
import type { PageSnapshot, PageSummary } from './types';

/** Pages kept whatever they are, before only candidate pages are (see {@link SnapshotStore}). */
export const KEEP_ALL_SNAPSHOTS = 200;

/**
 * The crawled pages kept for verification, by requested and final URL. Verification reads
 * only pages some item names, so keeping every page would make memory grow with the site for
 * nothing: the first `keepAll` pages are kept (a small site is verified from memory alone),
 * later ones only when `wanted` says so (a candidate by then). A page dropped here and named
 * by a later link is fetched again by the verifier: the same page, so the same verdict.
 *
 * A page is offered once, in crawl order ({@link keeps}), then stored ({@link put}) once read
 * whole: the crawl reads most pages only as summaries, and whole only those kept.
 */
export class SnapshotStore {
  private readonly byUrl = new Map<string, PageSnapshot>();
  private added = 0;
  /** Pages not kept. */
  dropped = 0;

  constructor(
    /** Whether some item names this URL already (a candidate). */
    private readonly wanted: (url: string) => boolean,
    private readonly keepAll = KEEP_ALL_SNAPSHOTS,
  ) {}

  /**
   * Whether a page about to be read is sure to be kept (one of the first pages, or a candidate
   * already), so that it is read whole at once. `offered` counts the pages read before it.
   */
  expects(offered: number, url: string, finalUrl: string): boolean {
    return offered < this.keepAll || this.wanted(url) || this.wanted(finalUrl);
  }

  /** Offers one page, in crawl order: whether it is kept (then {@link put} stores it). */
  keeps(page: PageSummary): boolean {
    if (this.added >= this.keepAll && !this.wanted(page.url) && !this.wanted(page.finalUrl)) {
      this.dropped++;
      return false;
    }
    this.added++;
    return true;
  }

  /** Stores a kept page, slim (no links, nothing tied to its HTML). */
  put(url: string, snapshot: PageSnapshot): void {
    const slim = slimSnapshot(snapshot);
    this.byUrl.set(url, slim);
    this.byUrl.set(slim.finalUrl, slim);
  }

  get(url: string): PageSnapshot | undefined {
    return this.byUrl.get(url);
  }
}
