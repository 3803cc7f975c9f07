import { manualEvidenceMark } from '../core/report/labels';
import type { EvidenceRecord } from '../core/report/schema';
import { type Lang, type StringKey, t } from './i18n';
import { safeHref, uniqueKeys } from './labels';

/** A URL from the audited site as a link that opens in a new tab (text only, never markup). */
export function ExternalLink({ url, children }: { url: string; children?: string }) {
  const href = safeHref(url);
  const text = children && children.trim() !== '' ? children : url;
  if (!href) return <span className="oit-url">{text}</span>;
  return (
    <a className="oit-url" href={href} target="_blank" rel="noreferrer noopener">
      {text}
    </a>
  );
}

/**
 * The evidence of one item: URL (opens in a tab), link text, how it was found, file type, the
 * year found and the page that linked to it. Every string is rendered as a text node.
 */
export function EvidenceList({ evidence, lang }: { evidence: EvidenceRecord[]; lang: Lang }) {
  if (evidence.length === 0) return <p className="oit-muted">{t(lang, 'noEvidence')}</p>;
  const keys = uniqueKeys(evidence.map((ev) => `${ev.via} ${ev.url}`));
  return (
    <ul className="oit-evidence">
      {evidence.map((ev, i) => (
        <li key={keys[i]} data-testid="evidence">
          <ExternalLink url={ev.url} />
          {ev.via === 'manual' ? (
            <span className="oit-manual-tag" data-testid="manual-tag">
              {manualEvidenceMark(lang)}
            </span>
          ) : null}
          <dl>
            {ev.text ? (
              <>
                <dt>{t(lang, 'linkText')}</dt>
                <dd className="oit-link-text">{ev.text}</dd>
              </>
            ) : null}
            <dt>{t(lang, 'foundBy')}</dt>
            <dd>{t(lang, `via_${ev.via}` as StringKey)}</dd>
            {ev.fileType ? (
              <>
                <dt>{t(lang, 'fileType')}</dt>
                <dd>{ev.fileType.toUpperCase()}</dd>
              </>
            ) : null}
            {ev.year !== undefined ? (
              <>
                <dt>{t(lang, 'yearFound')}</dt>
                <dd>{ev.year}</dd>
              </>
            ) : null}
            {ev.from ? (
              <>
                <dt>{t(lang, 'linkedFrom')}</dt>
                <dd>
                  <ExternalLink url={ev.from} />
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
