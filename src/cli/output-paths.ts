import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { usageError } from './errors';
import { type Lang, say } from './io';

/**
 * Checks before an audit that `path` can be written as a file (its folder exists or can be made,
 * and it is not a folder itself), so a typo in `--out` stops the run before the crawl rather
 * than after it.
 */
export function checkWritableFile(path: string, shown: string, lang: Lang): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    }
    checkDir(dirname(path));
  } catch (e) {
    throw usageError(
      say(
        lang,
        `เขียนไฟล์ ${shown} ไม่ได้: ${(e as Error).message}`,
        `cannot write ${shown}: ${(e as Error).message}`,
      ),
      say(lang, 'ตรวจชื่อและสิทธิ์ของโฟลเดอร์ แล้วลองใหม่', 'check the path and its permissions, then try again'),
    );
  }
}

/** Checks before an audit that `dir` exists (or can be made) and can be written into. */
export function checkWritableDir(dir: string, shown: string, lang: Lang): void {
  try {
    checkDir(dir);
  } catch (e) {
    throw usageError(
      say(
        lang,
        `เขียนลงโฟลเดอร์ ${shown} ไม่ได้: ${(e as Error).message}`,
        `cannot write into ${shown}: ${(e as Error).message}`,
      ),
      say(lang, 'ตรวจชื่อและสิทธิ์ของโฟลเดอร์ แล้วลองใหม่', 'check the path and its permissions, then try again'),
    );
  }
}

function checkDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  accessSync(dir, constants.W_OK);
}
