import { slimSnapshot } from './snapshot';
import type { PageSnapshot } from './types';

/** Pages kept whatever they are, before only candidate pages are (see {@link SnapshotStore}). */
export const KEEP_ALL_SNAPSHOTS = 200;

/**
 * The crawled pages kept for verification, by requested and final URL. Verification reads
 * only pages some item names, so keeping every page would make memory grow with the site for
 * nothing: the first `keepAll` pages are kept (a small site is verified from memory alone),
 * later ones only when `wanted` says so (a candidate already). A page dropped here and named
 * by a later link is fetched again by the verifier: the same page, so the same verdict.
 */
export class SnapshotStore {
  private readonly byUrl = new Map<string, PageSnapshot>();
  private added = 0;
  /** Pages not kept. */
  dropped = 0;

  constructor(
    private readonly wanted: (snapshot: PageSnapshot) => boolean,
    private readonly keepAll = KEEP_ALL_SNAPSHOTS,
  ) {}

  /** Offers one page (kept slim: no links, nothing tied to its HTML); false when not kept. */
  add(url: string, snapshot: PageSnapshot): boolean {
    if (this.added >= this.keepAll && !this.wanted(snapshot)) {
      this.dropped++;
      return false;
    }
    this.added++;
    const slim = slimSnapshot(snapshot);
    this.byUrl.set(url, slim);
    this.byUrl.set(slim.finalUrl, slim);
    return true;
  }

  get(url: string): PageSnapshot | undefined {
    return this.byUrl.get(url);
  }
}
