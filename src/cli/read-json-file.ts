import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from './errors';
import { type Lang, say } from './io';

/** Largest JSON input read (a survey is a few KB, a report a few MB). */
export const MAX_JSON_BYTES = 50 * 1024 * 1024;

/**
 * Reads and parses a JSON file, turning every failure into a message that says what to do.
 * Only a regular file of at most `maxBytes` is read: a FIFO or /dev/zero would block or fill
 * the memory.
 */
export function readJsonFile(
  path: string,
  cwd: string,
  lang: Lang,
  what: string,
  maxBytes = MAX_JSON_BYTES,
): unknown {
  const full = resolve(cwd, path);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) {
    throw usageError(
      say(lang, `ไฟล์${what} ${path} ไม่ใช่ไฟล์ปกติ`, `${what} file ${path} is not a regular file`),
      say(lang, 'ระบุไฟล์ JSON', 'give a JSON file'),
    );
  }
  if (stat && stat.size > maxBytes) {
    throw usageError(
      say(
        lang,
        `ไฟล์${what} ${path} ใหญ่เกิน (${stat.size} ไบต์ สูงสุด ${maxBytes})`,
        `${what} file ${path} is too large (${stat.size} bytes, at most ${maxBytes})`,
      ),
      say(lang, 'ตรวจว่าเป็นไฟล์ที่ถูกต้อง', 'check that this is the right file'),
    );
  }
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw usageError(
      code === 'ENOENT'
        ? say(lang, `ไม่พบไฟล์${what}: ${path}`, `${what} file not found: ${path}`)
        : say(lang, `อ่านไฟล์${what}ไม่ได้: ${path} (${code})`, `cannot read ${what} file ${path} (${code})`),
      say(lang, 'ตรวจสอบชื่อและตำแหน่งไฟล์', 'check the file name and path'),
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw usageError(
      say(
        lang,
        `ไฟล์${what}ไม่ใช่ JSON ที่ถูกต้อง: ${path}: ${(e as Error).message}`,
        `${what} file is not valid JSON: ${path}: ${(e as Error).message}`,
      ),
      say(
        lang,
        'แก้ไขไฟล์ให้เป็น JSON ที่ถูกต้อง (ดูตัวอย่างใน README)',
        'fix the JSON (see the example in the README)',
      ),
    );
  }
}
