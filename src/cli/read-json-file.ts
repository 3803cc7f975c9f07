import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from './errors';
import { type Lang, say } from './io';

/** Reads and parses a JSON file, turning every failure into a message that says what to do. */
export function readJsonFile(path: string, cwd: string, lang: Lang, what: string): unknown {
  const full = resolve(cwd, path);
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
