import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchState, STATE_FILE, sha256File, writeFileAtomic } from '../../../src/node/batch-state';

const entry = (id: string, status: 'done' | 'error' = 'done') => ({
  v: 1 as const,
  id,
  url: `https://${id}.go.th/`,
  status,
  finishedAt: '2025-04-15T03:00:00.000Z',
  row: { id },
});

describe('writeFileAtomic', () => {
  it('replaces the file in one step and returns its hash; no temp file remains', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-state-'));
    const path = join(dir, 'a.json');
    writeFileSync(path, 'old');
    const hash = writeFileAtomic(path, '{"ok":true}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"ok":true}\n');
    expect(hash).toBe(sha256File(path));
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});

describe('BatchState', () => {
  it('appends one line per finished agency; the latest line of an id wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-state-'));
    const s = BatchState.open(dir);
    s.append(entry('a'));
    s.append(entry('b', 'error'));
    s.append(entry('b'));
    s.close();
    const reopened = BatchState.open(dir);
    expect([...reopened.entries.keys()]).toEqual(['a', 'b']);
    expect(reopened.entries.get('b')?.status).toBe('done');
    reopened.close();
    expect(readFileSync(join(dir, STATE_FILE), 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('ignores a line cut short by a crash, starts the next one on its own line, drops temp files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-state-'));
    writeFileSync(join(dir, STATE_FILE), `${JSON.stringify(entry('a'))}\n{"v":1,"id":"b","ur`);
    writeFileSync(join(dir, '.b.json.123.abcd.tmp'), '{"half');
    const s = BatchState.open(dir);
    expect([...s.entries.keys()]).toEqual(['a']);
    expect(s.damagedLines).toBe(1);
    s.append(entry('c'));
    s.close();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const again = BatchState.open(dir);
    expect([...again.entries.keys()]).toEqual(['a', 'c']);
    again.close();
  });

  it('only ever appends: earlier bytes are never rewritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oit-state-'));
    const s = BatchState.open(dir);
    s.append(entry('a'));
    const before = readFileSync(join(dir, STATE_FILE), 'utf8');
    const ino = statSync(join(dir, STATE_FILE)).ino;
    s.append(entry('b'));
    s.close();
    appendFileSync(join(dir, STATE_FILE), '');
    const after = readFileSync(join(dir, STATE_FILE), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(statSync(join(dir, STATE_FILE)).ino).toBe(ino);
  });
});
