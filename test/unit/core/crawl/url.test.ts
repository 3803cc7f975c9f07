import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentTypeOf,
  hostnameOf,
  hostOf,
  isNonPageAsset,
  normaliseLink,
  naturalCompare,
  normaliseUrl,
  paginationKey,
  sameSite,
  sameSiteAs,
  siteKey,
} from '../../../../src/core/crawl/url';

describe('normaliseUrl', () => {
  it.each([
    ['HTTP://Example.GO.TH:80/a/../b/./c', 'http://example.go.th/b/c'],
    ['https://example.go.th:443/', 'https://example.go.th/'],
    ['https://example.go.th:8443/x', 'https://example.go.th:8443/x'],
    ['https://example.go.th', 'https://example.go.th/'],
    ['https://example.go.th/page#section-2', 'https://example.go.th/page'],
    ['https://example.go.th/list?b=2&a=1&c=3', 'https://example.go.th/list?a=1&b=2&c=3'],
    [
      'https://example.go.th/?utm_source=fb&utm_medium=x&id=5&fbclid=abc&gclid=z&mc_cid=1&mc_eid=2',
      'https://example.go.th/?id=5',
    ],
    ['https://example.go.th/?utm_source=fb', 'https://example.go.th/'],
    ['https://example.go.th/p?', 'https://example.go.th/p'],
    ['https://user:pw@example.go.th/p', 'https://example.go.th/p'],
    ['https://example.go.th/p?a=2&a=1', 'https://example.go.th/p?a=2&a=1'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseUrl(raw)).toBe(expected);
  });

  it('resolves relative links against a base', () => {
    expect(normaliseUrl('../news/?page=2#x', 'https://a.go.th/about/us/')).toBe(
      'https://a.go.th/about/news/?page=2',
    );
    expect(normaliseUrl('//b.go.th/x', 'https://a.go.th/')).toBe('https://b.go.th/x');
    expect(normaliseUrl('  /spaced  ', 'https://a.go.th/')).toBe('https://a.go.th/spaced');
  });

  it.each([
    'mailto:saraban@example.go.th',
    'tel:+6621234567',
    'javascript:void(0)',
    'data:text/html,hi',
    'ftp://example.go.th/file',
    'not a url',
    '',
  ])('rejects %s', (raw) => {
    expect(normaliseUrl(raw)).toBeNull();
  });

  it('percent-encodes Thai paths the same way whether they arrive raw or encoded', () => {
    const raw = normaliseUrl('https://a.go.th/ข่าว/ประกาศ?หมวด=จัดซื้อ');
    const upper = normaliseUrl(
      'https://a.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8?%E0%B8%AB%E0%B8%A1%E0%B8%A7%E0%B8%94=%E0%B8%88%E0%B8%B1%E0%B8%94%E0%B8%8B%E0%B8%B7%E0%B9%89%E0%B8%AD',
    );
    const lower = normaliseUrl(
      'https://a.go.th/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7/%e0%b8%9b%e0%b8%a3%e0%b8%b0%e0%b8%81%e0%b8%b2%e0%b8%a8?%e0%b8%ab%e0%b8%a1%e0%b8%a7%e0%b8%94=%e0%b8%88%e0%b8%b1%e0%b8%94%e0%b8%8b%e0%b8%b7%e0%b9%89%e0%b8%ad',
    );
    expect(raw).toBe(upper);
    expect(lower).toBe(upper);
    expect(raw).toMatch(/^https:\/\/a\.go\.th\/%E0%B8%82/);
  });

  it('converts an internationalised host to punycode', () => {
    expect(normaliseUrl('https://ตัวอย่าง.ไทย/')).toMatch(/^https:\/\/xn--[a-z0-9-]+\.xn--o3cw4h\/$/);
    expect(normaliseUrl('https://ตัวอย่าง.ไทย/')).toBe(normaliseUrl('https://ตัวอย่าง.ไทย'));
  });
});

describe('site scope', () => {
  it('siteKey strips www. and case', () => {
    expect(siteKey('WWW.Example.go.th')).toBe('example.go.th');
    expect(siteKey('example.go.th')).toBe('example.go.th');
    expect(siteKey('127.0.0.1:8080')).toBe('127.0.0.1:8080');
  });

  it('sameSite accepts the www. twin and either scheme, not other subdomains or ports', () => {
    expect(sameSite('https://www.a.go.th/x', 'http://a.go.th/y')).toBe(true);
    expect(sameSite('a.go.th', 'www.a.go.th')).toBe(true);
    expect(sameSite('https://e-service.a.go.th/', 'https://a.go.th/')).toBe(false);
    expect(sameSite('https://a.go.th.evil.com/', 'https://a.go.th/')).toBe(false);
    expect(sameSite('http://127.0.0.1:1000/', 'http://127.0.0.1:2000/')).toBe(false);
  });
});

describe('documentTypeOf', () => {
  it.each([
    ['https://a.go.th/files/plan-2568.pdf', 'pdf'],
    ['https://a.go.th/files/PLAN.PDF', 'pdf'],
    ['https://a.go.th/f/a.docx?dl=1', 'docx'],
    ['https://a.go.th/f/a.doc', 'doc'],
    ['https://a.go.th/f/budget.xlsx', 'xlsx'],
    ['https://a.go.th/f/budget.xls', 'xls'],
    ['https://a.go.th/f/s.pptx', 'pptx'],
    ['https://a.go.th/f/s.ppt', 'ppt'],
    ['https://a.go.th/f/s.odt', 'odt'],
    ['https://a.go.th/f/s.ods', 'ods'],
    ['https://a.go.th/f/all.zip', 'zip'],
    ['https://a.go.th/f/all.rar', 'rar'],
    ['https://a.go.th/img/chart.JPG', 'image'],
    ['https://a.go.th/img/chart.png', 'image'],
    ['https://a.go.th/%E0%B9%81%E0%B8%9C%E0%B8%99.pdf', 'pdf'],
  ])('%s → %s', (url, type) => {
    expect(documentTypeOf(url)).toBe(type);
  });

  it.each([
    'https://a.go.th/',
    'https://a.go.th/news',
    'https://a.go.th/index.php?file=a.pdf',
    'https://a.go.th/page.html',
    'https://a.go.th/.pdf',
    'https://a.go.th/pdf/',
  ])('%s is not a document', (url) => {
    expect(documentTypeOf(url)).toBeNull();
  });

  it('isNonPageAsset flags scripts, styles and media only', () => {
    expect(isNonPageAsset('https://a.go.th/app.js')).toBe(true);
    expect(isNonPageAsset('https://a.go.th/v/intro.mp4')).toBe(true);
    expect(isNonPageAsset('https://a.go.th/news.php')).toBe(false);
    expect(isNonPageAsset('https://a.go.th/plan.pdf')).toBe(false);
  });
});

describe('paginationKey', () => {
  it('groups page counters and calendar steps', () => {
    const k = (u: string) => paginationKey(u);
    expect(k('https://a.go.th/news?page=7')).toBe(k('https://a.go.th/news?page=8'));
    expect(k('https://a.go.th/news?page=7')).toBe(k('https://www.a.go.th/news?page=1'));
    expect(k('https://a.go.th/news/page/7')).toBe(k('https://a.go.th/news/page/12'));
    expect(k('https://a.go.th/calendar?month=2031-05')).toBe(k('https://a.go.th/calendar?month=2568-12'));
    expect(k('https://a.go.th/event?date=2024-05-01')).toBe(k('https://a.go.th/event?date=2024-05-02'));
    expect(k('https://a.go.th/calendar?month=5&year=2568')).toBe(
      k('https://a.go.th/calendar?month=6&year=2569'),
    );
    expect(k('https://a.go.th/archive/2024/05/')).toBe(k('https://a.go.th/archive/2023/11/'));
    expect(k('https://a.go.th/calendar/2568-05')).toBe(k('https://a.go.th/calendar/2568-06'));
    expect(k('https://a.go.th/index.php?option=com_content&limitstart=20')).toBe(
      k('https://a.go.th/index.php?limitstart=40&option=com_content'),
    );
  });

  it('keeps other parameters and paths apart', () => {
    const k = (u: string) => paginationKey(u);
    expect(k('https://a.go.th/news?cat=1&page=2')).not.toBe(k('https://a.go.th/news?cat=2&page=2'));
    expect(k('https://a.go.th/news?page=2')).not.toBe(k('https://a.go.th/procurement?page=2'));
    expect(k('https://a.go.th/news?page=2')).not.toBe(k('https://b.go.th/news?page=2'));
  });

  it('returns null for pages that are not paginated', () => {
    expect(paginationKey('https://a.go.th/news/123')).toBeNull();
    expect(paginationKey('https://a.go.th/news?id=123')).toBeNull();
    expect(paginationKey('https://a.go.th/?p=123')).toBeNull();
    expect(paginationKey('https://a.go.th/search?page=abc')).toBeNull();
    expect(paginationKey('https://a.go.th/about')).toBeNull();
  });
});

describe('naturalCompare', () => {
  it('orders numbers by value', () => {
    const list = ['p?page=10', 'p?page=2', 'p?page=1', 'p?page=01'];
    expect([...list].sort(naturalCompare)).toEqual(['p?page=1', 'p?page=01', 'p?page=2', 'p?page=10']);
    expect(naturalCompare('a', 'a')).toBe(0);
    expect(naturalCompare('m=2568-04', 'm=2568-10')).toBeLessThan(0);
  });
});

describe('normaliseUrl is idempotent (the crawler skips already-seen normalised links unparsed)', () => {
  const samples = [
    'HTTP://WWW.Example.GO.TH:80/a/../b/./c.html?z=1&a=2&utm_source=x#top',
    'https://www.example.go.th/ข่าว/ประชาสัมพันธ์?page=2',
    'https://www.example.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/',
    'https://example.go.th:443/path with space/?q=ภาษาไทย&fbclid=1',
    'http://127.0.0.1:8808/news?page=3&sort=desc',
  ];
  for (const raw of samples) {
    it(raw, () => {
      const once = normaliseUrl(raw);
      expect(once).not.toBeNull();
      expect(normaliseUrl(once as string)).toBe(once);
    });
  }
});

describe('hostOf', () => {
  // What hostOf did before its plain-host shortcut: parse anything with "://".
  const viaUrl = (s: string) => {
    if (!s.includes('://')) return s;
    try {
      return new URL(s).host;
    } catch {
      return s;
    }
  };

  it('gives what new URL(…).host gives, for plain hosts read without parsing and for every other form', () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9-]{0,6}$/);
    const host = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
      fc.constantFrom(
        '127.1',
        '0x7f.1',
        '1.2.3.4',
        'a..b',
        'ex\tample.com',
        'www.ตัวอย่าง.go.th',
        '[::1]',
        'A.B',
        'xn--12c.th',
      ),
    );
    const url = fc.tuple(
      fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'http:\\\\'),
      fc.constantFrom('', 'user:pw@', 'u@'),
      host,
      fc.constantFrom('', ':80', ':443', ':8080', '.'),
      fc.constantFrom('', '/', '/a?b#c', '?q', '#f', '\\x'),
    );
    fc.assert(
      fc.property(url, ([scheme, user, h, port, rest]) => {
        const s = `${scheme}${user}${h}${port}${rest}`;
        expect(hostOf(s)).toBe(viaUrl(s));
        // hostnameOf takes the same shortcut: what new URL(…).hostname gives, '' if none.
        let hostname = '';
        try {
          hostname = new URL(s).hostname;
        } catch {}
        expect(hostnameOf(s)).toBe(hostname);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a bare host as given', () => {
    expect(hostOf('www.example.go.th')).toBe('www.example.go.th');
  });
});

describe('normaliseLink', () => {
  it('gives normaliseUrl(href, base) for any link on any page, though it remembers the page-independent ones (property)', () => {
    const base = fc.constantFrom(
      'http://127.0.0.1:8080/a/b.html',
      'http://127.0.0.1:8080/a/',
      'https://www.example.go.th/news/?page=2',
      'https://user:pw@example.go.th:8443/x/y/z',
      'http://EXAMPLE.go.th/',
      'http://[::1]:81/q',
    );
    const href = fc.oneof(
      fc.constantFrom(
        '/',
        '/x',
        '/a/../b',
        '/%e0%b8%82',
        '/x?utm_source=1&b=2&a=1#f',
        '//cdn.example.com/x',
        '/\\evil.com',
        'http://127.0.0.1:8080/m',
        'HTTPS://Example.go.th/A',
        'https://example.go.th/ข่าว',
        'x.html',
        '../up',
        '?q=1',
        '#top',
        'mailto:a@b.c',
        'javascript:void(0)',
        'http://',
        'https://exa mple.com/',
        '/a\nb',
        'http://a.com/x\ny',
      ),
      fc.stringMatching(/^[/a-z.?#%:\\]{0,12}$/),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(href, base), { minLength: 1, maxLength: 40 }), (links) => {
        for (const [h, b] of links) expect(normaliseLink(h, b), `${h} on ${b}`).toBe(normaliseUrl(h, b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sameSiteAs: the on-site test of links', () => {
  it('tells a link on the site exactly as sameSite does, by origin prefix or by host (property)', () => {
    const sites = [
      'http://example.go.th/',
      'https://www.example.go.th:8443/a/',
      'http://www.www.example.go.th/',
      'http://127.0.0.1:8080/',
    ];
    const host = fc.constantFrom(
      'example.go.th',
      'www.example.go.th',
      'www.www.example.go.th',
      'EXAMPLE.go.th',
      'example.go.th.',
      'example.go.th:8443',
      'www.example.go.th:8443',
      'example.go.th:80',
      '127.0.0.1:8080',
      '127.0.0.1',
      'user@example.go.th',
      'other.go.th',
      'example.go.th.evil.com',
    );
    const url = fc
      .tuple(fc.constantFrom('http://', 'https://'), host, fc.constantFrom('', '/', '/x', '?q', '#f'))
      .map(([s, h, p]) => `${s}${h}${p}`);
    for (const siteUrl of sites) {
      const onSite = sameSiteAs(siteUrl);
      fc.assert(
        fc.property(url, (u) => {
          expect(onSite(u), `${u} on ${siteUrl}`).toBe(sameSite(u, siteUrl));
        }),
        { numRuns: 400 },
      );
    }
  });
});
