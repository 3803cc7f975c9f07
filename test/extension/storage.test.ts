import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditReport } from '../../src/core/report/schema';
import { hostPatternsFor, requiredHostPattern, siteHome, siteKeyOf } from '../../src/extension/site';
import {
  addManualEvidence,
  clearManualEvidence,
  clearSite,
  loadManualEvidence,
  loadReport,
  loadSettings,
  loadSurvey,
  mergeManualEvidence,
  saveReport,
  saveSettings,
  saveSurvey,
  storageKeys,
} from '../../src/extension/storage';

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '../golden/agency-complete.report.json'), 'utf8'),
) as AuditReport;

beforeEach(() => fakeBrowser.reset());

describe('site keys and host patterns', () => {
  it('treats www and scheme variants as one site, ports kept', () => {
    expect(siteKeyOf('https://www.example.go.th/a/b?c=1')).toBe('example.go.th');
    expect(siteKeyOf('http://example.go.th/')).toBe('example.go.th');
    expect(siteKeyOf('http://127.0.0.1:4321/x')).toBe('127.0.0.1:4321');
    expect(siteKeyOf('chrome://extensions')).toBeNull();
    expect(siteKeyOf('nonsense')).toBeNull();
    expect(siteHome('https://www.example.go.th/a/b')).toBe('https://www.example.go.th/');
  });

  it('asks for the site only: host and www twin, http and https; requires just its own scheme', () => {
    expect(hostPatternsFor('https://www.example.go.th/x')).toEqual([
      'https://www.example.go.th/*',
      'https://example.go.th/*',
      'http://www.example.go.th/*',
      'http://example.go.th/*',
    ]);
    expect(hostPatternsFor('http://127.0.0.1:8080/')).toEqual(['https://127.0.0.1/*', 'http://127.0.0.1/*']);
    expect(requiredHostPattern('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1/*');
    expect(hostPatternsFor('file:///etc/passwd')).toEqual([]);
  });
});

describe('per-site storage in chrome.storage.local', () => {
  it('stores the last report per site and reads it back validated', async () => {
    expect(await loadReport('agency.test')).toBeNull();
    await saveReport('agency.test', golden);
    const back = await loadReport('agency.test');
    expect(back?.oit.score).toBe(golden.oit.score);
    expect(back?.items).toHaveLength(48);
    // It is really in storage.local (what survives a browser restart), under the site's key.
    const raw = await fakeBrowser.storage.local.get(storageKeys.report('agency.test'));
    expect(raw[storageKeys.report('agency.test')]).toBeTruthy();
  });

  it('treats a stored value that no longer validates as absent', async () => {
    await fakeBrowser.storage.local.set({ [storageKeys.report('x.go.th')]: { schemaVersion: 99 } });
    expect(await loadReport('x.go.th')).toBeNull();
  });

  it('round-trips manual evidence: add, keep once, clear one, clear all', async () => {
    await addManualEvidence('x.go.th', 'O5', 'https://x.go.th/contact');
    await addManualEvidence('x.go.th', 'O5', 'https://x.go.th/map');
    await addManualEvidence('x.go.th', 'O5', 'https://x.go.th/contact');
    await addManualEvidence('x.go.th', 'O12', 'https://x.go.th/annual.pdf');
    expect(await loadManualEvidence('x.go.th')).toEqual({
      O5: ['https://x.go.th/contact', 'https://x.go.th/map'],
      O12: ['https://x.go.th/annual.pdf'],
    });
    expect(await loadManualEvidence('other.go.th')).toEqual({});
    await clearManualEvidence('x.go.th', 'O5', 'https://x.go.th/map');
    expect((await loadManualEvidence('x.go.th')).O5).toEqual(['https://x.go.th/contact']);
    await clearManualEvidence('x.go.th', 'O5');
    await clearManualEvidence('x.go.th', 'O12');
    expect(await loadManualEvidence('x.go.th')).toEqual({});
    expect(await fakeBrowser.storage.local.get(storageKeys.manual('x.go.th'))).toEqual({
      [storageKeys.manual('x.go.th')]: undefined,
    });
  });

  it('drops malformed manual evidence and merges imports without overwriting choices', async () => {
    await fakeBrowser.storage.local.set({
      [storageKeys.manual('x.go.th')]: {
        O5: ['javascript:alert(1)', 'https://x.go.th/c'],
        bogus: ['https://a'],
        O6: 'x',
      },
    });
    expect(await loadManualEvidence('x.go.th')).toEqual({ O5: ['https://x.go.th/c'] });
    await mergeManualEvidence('x.go.th', { O5: ['https://x.go.th/other'], O7: ['https://x.go.th/news'] });
    expect(await loadManualEvidence('x.go.th')).toEqual({
      O5: ['https://x.go.th/c'],
      O7: ['https://x.go.th/news'],
    });
  });

  it('stores survey input per site and rejects invalid stored input', async () => {
    await saveSurvey('x.go.th', { iit: 88.5, eit: 90 });
    expect(await loadSurvey('x.go.th')).toEqual({ iit: 88.5, eit: 90 });
    await fakeBrowser.storage.local.set({ [storageKeys.survey('y.go.th')]: { iit: 150 } });
    expect(await loadSurvey('y.go.th')).toBeNull();
    await saveSurvey('x.go.th', null);
    expect(await loadSurvey('x.go.th')).toBeNull();
  });

  it("clears one site's data and leaves other sites alone", async () => {
    await saveReport('x.go.th', golden);
    await saveReport('y.go.th', golden);
    await addManualEvidence('x.go.th', 'O5', 'https://x.go.th/c');
    await saveSurvey('x.go.th', { iit: 80, eit: 80 });
    await clearSite('x.go.th');
    expect(await loadReport('x.go.th')).toBeNull();
    expect(await loadManualEvidence('x.go.th')).toEqual({});
    expect(await loadSurvey('x.go.th')).toBeNull();
    expect(await loadReport('y.go.th')).not.toBeNull();
  });

  it('keeps settings with Thai as the default language', async () => {
    expect((await loadSettings()).lang).toBe('th');
    await saveSettings({ lang: 'en', year: 2568 });
    expect(await loadSettings()).toEqual({ lang: 'en', year: 2568 });
  });
});
