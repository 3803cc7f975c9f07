import { describe, expect, it } from 'vitest';
import {
  extractionSetup,
  inCallOrder,
  inProcessExtractor,
  type PageExtractor,
} from '../../../../src/core/extract/page-extractor';
import { extractSnapshot } from '../../../../src/core/extract/snapshot';
import { isSnapshot, type PageSnapshot } from '../../../../src/core/extract/types';
import { getRulePack } from '../../../../src/core/rules/registry';
import type { FetchResponse } from '../../../../src/core/types';

function page(html: string, url = 'https://www.example.go.th/contact/'): FetchResponse {
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    redirects: [],
    body: new TextEncoder().encode(html),
    truncated: false,
    timingMs: 1,
  };
}

const CONTACT = `<html><head><title>ติดต่อเรา</title></head><body><h1>ติดต่อหน่วยงาน</h1>
  <p>ที่อยู่ 99 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ 10400 โทร. 02 123 4567
  อีเมล saraban@example.go.th</p><a href="/files/plan-2568.pdf">แผนปฏิบัติการประจำปี พ.ศ. 2568</a></body></html>`;

/** An extractor whose pages finish when the test says so, in any order. */
function manualExtractor() {
  const pending = new Map<string, { resolve: (s: PageSnapshot) => void; reject: (e: Error) => void }>();
  const extractor: PageExtractor = {
    extract: (response) =>
      new Promise<PageSnapshot>((resolve, reject) => pending.set(response.url, { resolve, reject })),
    summarise: (response) =>
      new Promise<PageSnapshot>((resolve, reject) => pending.set(response.url, { resolve, reject })),
    complete: async () => null,
    close: async () => {},
  };
  const snapshot = (url: string) => ({ ...extractSnapshot(page('<title>x</title>', url), { depth: 1 }) });
  return { extractor, pending, snapshot };
}

describe('extractionSetup', () => {
  it('reads a forced pack with that pack only, and auto with every bundled pack merged', async () => {
    const pack = getRulePack('ita-2562')!;
    const one = await inProcessExtractor({ rules: 'pack', pack }).extract(page(CONTACT), 1);
    const all = await inProcessExtractor({ rules: 'bundled' }).extract(page(CONTACT), 1);
    // The same page, the same address and phone: the forced pack's keys are a subset.
    expect(one.elements).toEqual(['O5:address', 'O5:phone', 'O5:fax-or-email']);
    for (const key of one.elements) expect(all.elements).toContain(key);
    // The newer packs ask for the contact details under O3 as well: only the merged setup knows.
    expect(all.elements).toContain('O3:address');
    expect(one.content?.hits.some((h) => h.key.startsWith('O3:'))).toBe(false);
    expect(all.content?.hits.some((h) => h.key.startsWith('O3:'))).toBe(true);
  });

  it('builds the same probes and scanner for the same spec every time', () => {
    const a = extractionSetup({ rules: 'bundled' });
    const b = extractionSetup({ rules: 'bundled' });
    expect(a.probes.map((p) => p.key)).toEqual(b.probes.map((p) => p.key));
    const response = page(CONTACT);
    expect(extractSnapshot(response, { depth: 2, ...a })).toStrictEqual(
      extractSnapshot(page(CONTACT), { depth: 2, ...b }),
    );
  });
});

describe('inProcessExtractor', () => {
  it('summarises a page, then completes it to the snapshot extract makes', async () => {
    const extractor = inProcessExtractor({ rules: 'bundled' });
    const whole = await extractor.extract(page(CONTACT), 1);
    const summary = await extractor.summarise(page(CONTACT), 1);
    expect(isSnapshot(summary)).toBe(false);
    expect(summary.links).toEqual(whole.links);
    expect(await extractor.complete(summary)).toEqual(whole);
    // Completed once: the page is let go of.
    expect(await extractor.complete(summary)).toBeNull();
    // A page it did not summarise (or a copy of one) is not its to complete.
    expect(await extractor.complete({ ...summary })).toBeNull();
  });
});

describe('inCallOrder', () => {
  it('hands snapshots over in the order the pages were given, whatever order they finish in', async () => {
    const { extractor, pending, snapshot } = manualExtractor();
    const ordered = inCallOrder(extractor);
    const handed: string[] = [];
    // Summaries take their turn with whole pages.
    const all = ['https://a/1', 'https://a/2', 'https://a/3'].map((u, i) =>
      (i === 1 ? ordered.summarise(page('', u), 1) : ordered.extract(page('', u), 1)).then((s) =>
        handed.push(s.url),
      ),
    );
    pending.get('https://a/3')?.resolve(snapshot('https://a/3'));
    pending.get('https://a/2')?.resolve(snapshot('https://a/2'));
    await new Promise((r) => setTimeout(r, 10));
    // Pages 2 and 3 are done, page 1 is not: nothing is handed over yet.
    expect(handed).toEqual([]);
    pending.get('https://a/1')?.resolve(snapshot('https://a/1'));
    await Promise.all(all);
    expect(handed).toEqual(['https://a/1', 'https://a/2', 'https://a/3']);
  });

  it('hands a failed page over in its turn, as a rejection, and goes on', async () => {
    const { extractor, pending, snapshot } = manualExtractor();
    const ordered = inCallOrder(extractor);
    const events: string[] = [];
    const first = ordered.extract(page('', 'https://a/1'), 1).then((s) => events.push(`ok ${s.url}`));
    const second = ordered
      .extract(page('', 'https://a/2'), 1)
      .catch((e: Error) => events.push(`failed ${e.message}`));
    const third = ordered.extract(page('', 'https://a/3'), 1).then((s) => events.push(`ok ${s.url}`));
    // The second fails before the first is done: it must not count as an unhandled rejection.
    pending.get('https://a/2')?.reject(new Error('thread died'));
    pending.get('https://a/3')?.resolve(snapshot('https://a/3'));
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual([]);
    pending.get('https://a/1')?.resolve(snapshot('https://a/1'));
    await Promise.all([first, second, third]);
    expect(events).toEqual(['ok https://a/1', 'failed thread died', 'ok https://a/3']);
  });

  it('turns an extractor that throws at once into a rejected page', async () => {
    const fails = () => {
      throw new Error('no thread');
    };
    const ordered = inCallOrder({
      extract: fails,
      summarise: fails,
      complete: async () => null,
      close: async () => {},
    });
    await expect(ordered.extract(page(''), 0)).rejects.toThrow('no thread');
    await expect(ordered.summarise(page(''), 0)).rejects.toThrow('no thread');
  });
});
