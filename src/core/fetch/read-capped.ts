/**
 * Reading a response body with a size cap, shared by the Node and extension fetchers: the
 * extension reads web streams, the Node fetcher a response stream (an async iterable of chunks).
 */

export interface CappedBody {
  bytes: Uint8Array;
  truncated: boolean;
}

/** Gathers chunks up to `maxBytes`; `add` answers false once the cap is reached. */
class CappedChunks {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  add(chunk: Uint8Array): boolean {
    if (chunk.length === 0) return true;
    const room = this.maxBytes - this.total;
    if (chunk.length > room) {
      if (room > 0) {
        this.chunks.push(chunk.subarray(0, room));
        this.total += room;
      }
      this.truncated = true;
      return false;
    }
    this.chunks.push(chunk);
    this.total += chunk.length;
    return true;
  }

  /**
   * One array the size of the body that owns its buffer: chunks are often views into a larger
   * socket buffer, which a kept (or transferred) body must not pin.
   */
  result(): CappedBody {
    const bytes = new Uint8Array(this.total);
    let offset = 0;
    for (const c of this.chunks) {
      bytes.set(c, offset);
      offset += c.length;
    }
    return { bytes, truncated: this.truncated };
  }
}

/**
 * Reads at most `maxBytes` of a body stream, then cancels it (which closes the connection), so
 * memory stays bounded whatever the server sends.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<CappedBody> {
  const capped = new CappedChunks(maxBytes);
  if (body === null) return capped.result();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !capped.add(value)) break;
    }
  } finally {
    if (capped.truncated) await reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  return capped.result();
}

/**
 * {@link readCapped} for an async iterable of chunks (a Node stream): leaving the loop at the cap
 * destroys the stream, which closes the connection.
 */
export async function readCappedChunks(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<CappedBody> {
  const capped = new CappedChunks(maxBytes);
  for await (const chunk of body) if (!capped.add(chunk)) break;
  return capped.result();
}
