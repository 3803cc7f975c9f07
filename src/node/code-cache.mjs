// Runs a CommonJS file with V8's code cache: the compiled code of a first run is kept on disk
// and the next run starts from it. Node 22 has this for every module (module.enableCompileCache);
// Node 20, which we support, has only vm.Script's `cachedData`. Plain JavaScript: the PDF
// reader's worker (pdf-worker.mjs), its one user, runs without a TypeScript loader.
//
// The cache is compiled code, so it is read only from a directory that only this user can
// write: the default is per user in the temp directory, made with mode 700, and a directory
// someone else owns or may write is not used. V8 itself refuses data made by another V8 version
// or with other flags (the file is then compiled as usual), but of the source it compares only
// the length: the file name carries a hash of the source's bytes.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import vm from 'node:vm';

/** `OIT_AUDIT_COMPILE_CACHE`: a directory, or `0`/`off` for none. */
export const CACHE_ENV = 'OIT_AUDIT_COMPILE_CACHE';
/** A cache file larger than this is not read (pdf.js's is about 2 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The cache directory the environment asks for, or null when caching is off. */
export function cacheDirectory(env = process.env) {
  const asked = env[CACHE_ENV];
  if (asked === '0' || asked === 'off') return null;
  if (asked) return asked;
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `oit-audit-compile-cache-${user}`);
}

/** Makes `dir` (mode 700) and says whether compiled code may be read from it. */
function trustedDirectory(dir) {
  try {
    // Not `recursive`: on Node 20 a recursive mkdir under /proc loops for ever (mkdir answers
    // ENOENT there whatever exists), and a worker thread stuck in it cannot even be ended. The
    // parent must exist (the temp directory does); a directory that cannot be made means no cache.
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if (e?.code !== 'EEXIST') return false;
  }
  try {
    const s = lstatSync(dir);
    if (!s.isDirectory() || s.isSymbolicLink()) return false;
    // POSIX: ours, and nobody else may write in it. (Windows has no uid; its temp dir is per user.)
    if (typeof process.getuid === 'function' && (s.uid !== process.getuid() || (s.mode & 0o022) !== 0))
      return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * What V8 checks cached data against, as V8 itself writes it in the header of any cached data
 * (bytes 4–8 its version, 12–16 its flags): a file per V8 version and flag set, so that runs
 * with other flags (the audit's tiering ramp, a user's NODE_OPTIONS) do not overwrite each
 * other's cache. Were the header laid out otherwise, this is only a poorer key: V8 still checks.
 */
function v8Key() {
  const probe = new vm.Script('"oit-audit"').createCachedData();
  return probe.subarray(4, 8).toString('hex') + probe.subarray(12, 16).toString('hex');
}

/**
 * Runs `file` (CommonJS) and returns its exports, with how the cache served: `hit` (compiled
 * code read and accepted), `miss` (none yet), `rejected` (V8 refused it), `off` (no usable
 * directory). `save()` writes the code compiled so far, to call once the module has done its
 * first piece of work, so that the functions that work compiled are in it; it does nothing on a
 * hit and never throws (a cache is an optimisation, never a reason to fail).
 */
export function requireWithCodeCache(file, { env = process.env } = {}) {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const dir = cacheDirectory(env);
  const usable = dir !== null && trustedDirectory(dir);
  // V8 checks only the source's length: the key is what tells an edited file from the cached one.
  // (The bytes, not the string: hashing 2 MB of string costs four times as much.)
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const cacheFile = usable ? join(dir, `${basename(file)}-${key}-${v8Key()}.v8`) : null;
  let cachedData;
  if (cacheFile) {
    try {
      const s = lstatSync(cacheFile);
      if (s.isFile() && s.size <= MAX_CACHE_BYTES) cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet.
    }
  }
  const script = new vm.Script(wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // pdf.js's own dynamic import() resolves as it would in a module of this thread.
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  const cache = !cacheFile ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  let saved = cache === 'hit' || cache === 'off';
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      const data = script.createCachedData();
      // Written whole, then renamed: a reader never sees half a file.
      const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
      writeFileSync(temp, data, { mode: 0o600 });
      renameSync(temp, cacheFile);
    } catch {
      // A read-only or full disk: no cache, same result.
    }
  };
  return { exports: module.exports, cache, save };
}

/** The CommonJS function wrapper, as Node's loader uses it. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}
