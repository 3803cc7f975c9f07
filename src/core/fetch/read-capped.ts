/**
 * Reading a response body with a size cap, shared by the Node and extension fetchers (web
 * streams exist in both shells).
 */

/**
 * Reads at most `maxBytes` of a body stream, then cancels it (which closes the connection), so
 * memory stays bounded whatever the server sends.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (body === null) return { bytes: new Uint8Array(0), truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length === 0) continue;
      const room = maxBytes - total;
      if (value.length > room) {
        if (room > 0) {
          chunks.push(value.subarray(0, room));
          total += room;
        }
        truncated = true;
        break;
      }
      chunks.push(value);
      total += value.length;
    }
  } finally {
    if (truncated) await reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return { bytes, truncated };
}
