/**
 * Crash-safe files of `oit-audit batch`: reports are written atomically (temp file, fsync,
 * rename, fsync of the folder) and each finished agency is one line appended to `state.jsonl`
 * and fsync'd. A line is written only after the agency's report is in place, so after a crash
 * or `kill -9` every agency with a line is finished and its report complete; a half-written
 * last line is ignored. The file is only ever appended to.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const STATE_FILE = 'state.jsonl';
export const LOCK_FILE = '.oit-audit-batch.lock';
const TMP_SUFFIX = '.tmp';

/** One finished agency, as a line of `state.jsonl`. `row` is the batch command's summary row. */
export interface BatchStateEntry<Row = unknown> {
  v: 1;
  id: string;
  url: string;
  status: 'done' | 'error' | 'blocked';
  finishedAt: string;
  /**
   * The CSV inputs the agency was audited with; `--resume` audits it again when they changed.
   * Absent in lines written before they were recorded.
   */
  input?: { url: string; name: string; year: number | null };
  /** The report file (`<id>.json`) and its SHA-256, when the audit produced one. */
  file?: string;
  sha256?: string;
  row: Row;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}

/** Writes `data` to `path` atomically and durably; returns its SHA-256 (hex). */
export function writeFileAtomic(path: string, data: string | Uint8Array): string {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TMP_SUFFIX}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(tmp, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a file (hex). */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The append-only state of one batch folder. */
export class BatchState<Row = unknown> {
  private fd: number | null = null;

  private constructor(
    readonly dir: string,
    /** The latest entry of each agency id. */
    readonly entries: Map<string, BatchStateEntry<Row>>,
    /** Lines that could not be read (a write cut short by a crash). */
    readonly damagedLines: number,
  ) {}

  /** True when `dir` already holds a batch. */
  static exists(dir: string): boolean {
    return existsSync(join(dir, STATE_FILE));
  }

  /**
   * Opens (or creates) the state of `dir`, reads the finished agencies and removes temp files
   * left by a crash. A last line without its newline is closed off so the next append starts
   * on a line of its own.
   */
  static open<Row>(dir: string): BatchState<Row> {
    const path = join(dir, STATE_FILE);
    const entries = new Map<string, BatchStateEntry<Row>>();
    let damaged = 0;
    let text = '';
    if (existsSync(path)) text = readFileSync(path, 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as BatchStateEntry<Row>;
        if (entry && entry.v === 1 && typeof entry.id === 'string' && entry.row) entries.set(entry.id, entry);
        else damaged++;
      } catch {
        damaged++;
      }
    }
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') && name.endsWith(TMP_SUFFIX)) {
        try {
          unlinkSync(join(dir, name));
        } catch {
          // Gone already.
        }
      }
    }
    const state = new BatchState<Row>(dir, entries, damaged);
    state.fd = openSync(path, 'a');
    if (text !== '' && !text.endsWith('\n')) state.write('\n');
    return state;
  }

  private write(text: string): void {
    if (this.fd === null) throw new Error('batch state is closed');
    const bytes = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    fsyncSync(this.fd);
  }

  /** Records a finished agency: one line, appended and fsync'd before returning. */
  append(entry: BatchStateEntry<Row>): void {
    this.write(`${JSON.stringify(entry)}\n`);
    this.entries.set(entry.id, entry);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Another live process holds the batch folder. */
export class BatchLockedError extends Error {
  override readonly name = 'BatchLockedError';
  constructor(
    readonly holder: { pid: number; host: string; since: string },
    readonly path: string,
  ) {
    super(`the folder is in use by process ${holder.pid} on ${holder.host} since ${holder.since}`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of a batch folder, so two `batch --resume` never audit the same agencies
 * twice or delete each other's temporary files. The lock file holds the holder's pid, host and
 * start time; a lock whose process is gone (same host) is stale and taken over. Returns the
 * release function. Throws {@link BatchLockedError} when a live process holds it.
 */
export function acquireBatchLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const mine = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return () => {
        try {
          const now = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number };
          if (now.pid === process.pid) unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: { pid: number; host: string; since: string } | null = null;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      holder = null; // Unreadable: a crash while writing it; stale.
    }
    const stale =
      holder === null ||
      typeof holder.pid !== 'number' ||
      (holder.host === mine.host && !processAlive(holder.pid));
    if (!stale && holder) throw new BatchLockedError(holder, path);
    try {
      unlinkSync(path);
    } catch {
      // Someone else removed it first; try again.
    }
  }
  throw new Error(`cannot take the lock ${path}`);
}
