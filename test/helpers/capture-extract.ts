import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ContentDigest } from '../../src/core/content/digest';
import type { ContentScanner } from '../../src/core/content/scanner';
import { extractSnapshot } from '../../src/core/extract/snapshot';
import type { PageFeatures } from '../../src/core/extract/types';
import { htmlFilesUnder } from './html-files';

/** What the real extraction pipeline hands the element probes and the content scanner for one page. */
export interface ExtractInputs {
  /** The page's file, relative to the folder it was read from. */
  file: string;
  /** The lower-cased text the probes test. */
  lower: string;
  features: PageFeatures;
  /** The zones and extra fields `digestOf` passes to `scanner.scan`. */
  zones: { head: string; body: string };
  extra: Partial<ContentDigest>;
}

/**
 * Runs extractSnapshot on one HTML page with a probe and a scanner that record what they are
 * given, so probes and scanners can be compared on exactly the inputs an audit gives them.
 */
export function captureInputs(html: Uint8Array, file: string): ExtractInputs {
  let lower = '';
  let features: PageFeatures | undefined;
  let zones: { head: string; body: string } | undefined;
  let extra: Partial<ContentDigest> = {};
  const recorder = {
    enabled: true,
    scan(z: { head: string; body: string }, e: Partial<ContentDigest> = {}): ContentDigest {
      zones = { head: z.head, body: z.body };
      extra = e;
      return { hits: [], ownChars: z.body.length, reportMarkers: 0, image: false, ...e };
    },
  } as unknown as ContentScanner;
  extractSnapshot(
    {
      url: `http://127.0.0.1/${file}`,
      finalUrl: `http://127.0.0.1/${file}`,
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      redirects: [],
      body: html,
      truncated: false,
      timingMs: 0,
    },
    {
      depth: 0,
      probes: [
        {
          key: 'capture',
          test: (l, f) => {
            lower = l;
            features = { ...f };
            return false;
          },
        },
      ],
      scanner: recorder,
    },
  );
  if (!features || !zones) throw new Error(`${file}: the extractor ran no probe or no scan`);
  return { file, lower, features, zones, extra };
}

/** The inputs of every HTML page under `dir`. */
export function captureDir(dir: string): ExtractInputs[] {
  return htmlFilesUnder(dir).map((path) => captureInputs(readFileSync(path), relative(dir, path)));
}
