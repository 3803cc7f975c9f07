import { problemDetail, problemLabel } from '../core/report/labels';
import type { AuditReport, ItemResult } from '../core/report/schema';
import { formatScore } from '../core/score/round';
import type { Outcome } from '../core/types';
import { ReasonLine } from './ReasonLine';
import { EvidenceList } from './EvidenceList';
import { type Lang, type StringKey, t } from './i18n';
import { type ItemGuide, localText, type ReportLabels, uniqueKeys } from './labels';
import { ManualEvidenceEditor } from './ManualEvidenceEditor';
import { OutcomeBadge } from './OutcomeBadge';

export interface ItemListProps {
  report: AuditReport;
  lang: Lang;
  labels?: ReportLabels;
  /** Show only items with this outcome, or every item not passed (`notPassed`). */
  filter?: ItemFilter;
  /** Items shown expanded. */
  openItems?: readonly string[];
  /** Manual evidence per item; with the two callbacks, each item gets an editor. */
  manual?: Readonly<Record<string, string[]>>;
  onAddManual?: (itemId: string, url: string) => void;
  onClearManual?: (itemId: string, url: string) => void;
}

export type ItemFilter = Outcome | 'all' | 'notPassed';

/** Whether an item is shown under a filter: `notPassed` = fail, review or could not check. */
export function matchesFilter(outcome: Outcome, filter: ItemFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'notPassed') return outcome === 'fail' || outcome === 'review' || outcome === 'error';
  return outcome === filter;
}

interface Group {
  id: string;
  items: ItemResult[];
}

function groupBySubIndicator(items: ItemResult[]): Group[] {
  const groups: Group[] = [];
  for (const item of items) {
    let g = groups.find((x) => x.id === item.subIndicator);
    if (!g) {
      g = { id: item.subIndicator, items: [] };
      groups.push(g);
    }
    g.items.push(item);
  }
  return groups;
}

/** The checklist grouped by sub-indicator; each item expands to its evidence and problems. */
export function ItemList({
  report,
  lang,
  labels,
  filter = 'all',
  openItems = [],
  manual,
  onAddManual,
  onClearManual,
}: ItemListProps) {
  const subScores = new Map(
    report.oit.indicators.flatMap((ind) => ind.subIndicators.map((s) => [s.id, s] as const)),
  );
  const shown = report.items.filter((i) => matchesFilter(i.outcome, filter));
  return (
    <div className="oit-items">
      {groupBySubIndicator(shown).map((group) => {
        const score = subScores.get(group.id);
        return (
          <section
            key={group.id}
            className={
              group.items.every((i) => !matchesFilter(i.outcome, 'notPassed'))
                ? 'oit-group oit-group-passed'
                : 'oit-group'
            }
            data-testid={`sub-${group.id}`}
          >
            <h3>
              {t(lang, 'subIndicator')} {group.id} {localText(labels?.subIndicators[group.id], lang)}
              {score ? (
                <span className="oit-group-score">
                  {' '}
                  {formatScore(score.score)} · {t(lang, 'passedOf', { p: score.passed, t: score.total })}
                </span>
              ) : null}
            </h3>
            {group.items.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                lang={lang}
                open={openItems.includes(item.id)}
                manualUrls={manual?.[item.id] ?? []}
                {...(labels?.items?.[item.id] ? { guide: labels.items[item.id] } : {})}
                {...(onAddManual && onClearManual ? { onAddManual, onClearManual } : {})}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function ItemRow({
  item,
  lang,
  open,
  manualUrls,
  onAddManual,
  onClearManual,
  guide,
}: {
  item: ItemResult;
  lang: Lang;
  open: boolean;
  manualUrls: string[];
  guide?: ItemGuide | undefined;
  onAddManual?: (itemId: string, url: string) => void;
  onClearManual?: (itemId: string, url: string) => void;
}) {
  const name = lang === 'en' ? (item.nameEn ?? item.name) : item.name;
  const problemKeys = uniqueKeys(item.problems.map((p) => `${p.code} ${p.detail}`));
  return (
    <details
      className={`oit-item oit-item-${item.outcome}`}
      data-testid={`item-${item.id}`}
      open={open || undefined}
    >
      <summary>
        <span className="oit-item-id">{item.id}</span> <span className="oit-item-name">{name}</span>{' '}
        <OutcomeBadge outcome={item.outcome} lang={lang} />
      </summary>
      <div className="oit-item-body">
        <p className="oit-muted">{t(lang, 'weight', { n: item.weight.toFixed(2) })}</p>
        <ReasonLine item={item} lang={lang} />
        {guide ? <ItemExpects guide={guide} lang={lang} /> : null}
        <h4>{t(lang, 'evidence')}</h4>
        <EvidenceList evidence={item.evidence} lang={lang} />
        {item.problems.length > 0 ? (
          <>
            <h4>{t(lang, 'problems')}</h4>
            <ul className="oit-problems">
              {item.problems.map((p, i) => (
                <li key={problemKeys[i]} data-code={p.code}>
                  <strong>{problemLabel(p.code, lang)}</strong>: {problemDetail(p, lang)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {guide && item.outcome !== 'pass' && item.outcome !== 'na' ? (
          <section className="oit-fix" data-testid="how-to-fix">
            <h4>{t(lang, 'howToFix')}</h4>
            <p>{guide.measure}</p>
            {guide.steps.length > 0 ? (
              <ol>
                {uniqueKeys(guide.steps).map((key, i) => (
                  <li key={key}>{guide.steps[i]}</li>
                ))}
              </ol>
            ) : null}
          </section>
        ) : null}
        {onAddManual && onClearManual ? (
          <ManualEvidenceEditor
            itemId={item.id}
            lang={lang}
            urls={manualUrls}
            reported={item.evidence.filter((e) => e.via === 'manual').map((e) => e.url)}
            onAdd={onAddManual}
            onClear={onClearManual}
          />
        ) : null}
      </div>
    </details>
  );
}

/** What the evaluator expects of the item: the pack's description, elements and year rule. */
function ItemExpects({ guide, lang }: { guide: ItemGuide; lang: Lang }) {
  const elementKeys = uniqueKeys(guide.elements.map((e) => e.th));
  return (
    <section className="oit-expects" data-testid="expects">
      <h4>{t(lang, 'expects')}</h4>
      <p>{localText(guide.description, lang)}</p>
      {guide.elements.length > 0 ? (
        <>
          <p className="oit-muted">{t(lang, 'mustContain')}</p>
          <ul>
            {guide.elements.map((e, i) => (
              <li key={elementKeys[i]}>{localText(e, lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {guide.freshness !== 'none' ? (
        <p className="oit-muted">{t(lang, `freshness_${guide.freshness}` as StringKey)}</p>
      ) : null}
    </section>
  );
}
