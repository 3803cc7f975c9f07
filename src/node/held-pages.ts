import type { FetchResponse } from '../core/types';

/** A page a thread summarised, as it was sent (its body moved to the thread). */
export interface HeldPage {
  response: FetchResponse;
  depth: number;
}

/** Pages a thread holds by default: more than its pool ever has read and not yet handed over. */
export const HELD_PAGES = 16;
/** Body bytes a thread holds by default: a few huge pages must not pin hundreds of MB. */
export const HELD_BYTES = 8 * 1024 * 1024;

/**
 * The pages a page-reading thread summarised last, so that the pool can ask for one of them
 * whole (extract-pool.ts). The audit decides whether it wants a page as soon as the page is
 * handed over, a few pages behind the thread; past the bounds the oldest page is let go, and a
 * request for it gets nothing (verification then fetches the page again).
 */
export class HeldPages {
  private readonly pages = new Map<number, HeldPage>();
  private bytes = 0;

  constructor(
    private readonly maxPages = HELD_PAGES,
    private readonly maxBytes = HELD_BYTES,
  ) {}

  hold(id: number, page: HeldPage): void {
    this.pages.set(id, page);
    this.bytes += page.response.body.byteLength;
    // A Map iterates in insertion order: the first key is the oldest page.
    for (const [oldest] of this.pages) {
      if (this.pages.size <= this.maxPages && this.bytes <= this.maxBytes) break;
      this.take(oldest);
    }
  }

  /** The page, let go of; undefined when it is not held (never was, or let go already). */
  take(id: number): HeldPage | undefined {
    const page = this.pages.get(id);
    if (page) {
      this.pages.delete(id);
      this.bytes -= page.response.body.byteLength;
    }
    return page;
  }

  get size(): number {
    return this.pages.size;
  }
}
