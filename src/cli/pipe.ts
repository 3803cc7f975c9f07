/**
 * A writer for a process stream that goes quiet once the reader has gone (`oit-audit … | head`):
 * the EPIPE is swallowed (no stack trace), later writes are dropped, and the run ends normally
 * with its own exit code. Any other stream error is left to Node's default handling.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw e;
  });
  return (text) => {
    if (closed || stream.destroyed) return;
    stream.write(text);
  };
}
