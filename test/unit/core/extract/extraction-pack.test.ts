import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractionPack, setupForPack } from '../../../../src/core/extract/extraction-pack';
import { extractSnapshot } from '../../../../src/core/extract/snapshot';
import { allRulePacks } from '../../../../src/core/rules/registry';
import { compileElementProbes } from '../../../../src/core/verify/elements';
import { SITES_DIR } from '../../../helpers/audit-site';
import { htmlFilesUnder } from '../../../helpers/html-files';

function fixturePages(): { url: string; bytes: Uint8Array }[] {
  return htmlFilesUnder(SITES_DIR).map((path) => ({
    url: `http://127.0.0.1:8080/${basename(path)}`,
    bytes: readFileSync(path),
  }));
}

const packs = allRulePacks();
const merged = extractionPack(packs);

describe('extractionPack: one pack that reads pages as every bundled pack would (auto audits)', () => {
  it('finds on every fixture page the elements each key’s first defining pack finds', () => {
    const perPack = packs.map((p) => compileElementProbes(p));
    const { probes, scanner } = setupForPack(merged);
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThan(200);
    let found = 0;
    for (const page of pages) {
      const response = {
        url: page.url,
        finalUrl: page.url,
        status: 200,
        headers: { 'content-type': 'text/html' },
        redirects: [],
        body: page.bytes,
        truncated: false,
        timingMs: 1,
      };
      const snapshot = extractSnapshot(response, { depth: 0, probes, scanner });
      // The expected set from the packs themselves: the first pack that defines a key decides it.
      const expected = new Set<string>();
      const seen = new Set<string>();
      for (const list of perPack) {
        for (const probe of list) {
          if (seen.has(probe.key)) continue;
          seen.add(probe.key);
          const one = extractSnapshot(response, { depth: 0, probes: [probe], scanner });
          if (one.elements.length > 0) expected.add(probe.key);
        }
      }
      expect(new Set(snapshot.elements), page.url).toEqual(expected);
      expect(snapshot.elements).toHaveLength(expected.size);
      found += expected.size;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('carries every concept and negative of every pack, per item, each once', () => {
    for (const p of packs) {
      for (const item of p.items) {
        if (!item.content) continue;
        const mine = merged.itemById.get(item.id)?.content;
        expect(mine, `${p.id} ${item.id}`).toBeDefined();
        for (const c of item.content.concepts) expect(mine?.concepts.map((x) => x.id)).toContain(c.id);
        for (const c of item.content.negative) expect(mine?.negative.map((x) => x.id)).toContain(c.id);
      }
    }
    for (const item of merged.items) {
      const ids = item.content?.concepts.map((c) => c.id) ?? [];
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keeps every report marker of every pack', () => {
    for (const p of packs) for (const m of p.reportMarkers ?? []) expect(merged.reportMarkers).toContain(m);
  });
});
