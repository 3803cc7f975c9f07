import { evidencePlace, reasonText } from '../core/report/reason-text';
import type { ItemResult } from '../core/report/schema';
import { type Lang, t } from './i18n';

/**
 * Why the item got its verdict, in a few words (the deciding phrase and its snippet, or the
 * problem), and where misfiled or hub-reached evidence sat. Site text is a text node only.
 */
export function ReasonLine({ item, lang }: { item: ItemResult; lang: Lang }) {
  // A fail or review shows its reason as its problems, just below.
  const why = item.outcome === 'pass' ? reasonText(item, lang) : null;
  const place = evidencePlace(item.evidence[0], lang);
  if (!why && !place) return null;
  return (
    <div className="oit-reason" data-testid={`reason-${item.id}`}>
      {why ? (
        <p>
          <strong>{t(lang, 'why')}:</strong> {why}
        </p>
      ) : null}
      {place ? (
        <p className="oit-muted">
          <strong>{t(lang, 'placeOfEvidence')}:</strong> {place}
        </p>
      ) : null}
    </div>
  );
}
