import type { RulePack } from '../rules/load-pack';
import { formatScore } from '../score/round';
import { type Lang, outcomeLabel, problemDetail, problemLabel } from './labels';
import type { AuditReport, ItemResult } from './schema';

/** Drops what XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
export function xmlSafe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Escapes element text. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value; tabs and line breaks as references so parsers keep them. */
export function xmlAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function reasonOf(item: ItemResult, lang: Lang): string {
  if (item.problems.length === 0) return outcomeLabel(item.outcome, lang);
  return item.problems.map((p) => `${problemLabel(p.code, lang)}: ${problemDetail(p, lang)}`).join('; ');
}

function detailsOf(item: ItemResult, lang: Lang): string {
  const lines = item.problems.map((p) => `${p.code}: ${problemDetail(p, lang)}${p.url ? ` (${p.url})` : ''}`);
  for (const ev of item.evidence)
    lines.push(`evidence [${ev.via}]: ${ev.url}${ev.text ? ` — ${ev.text}` : ''}`);
  return lines.join('\n');
}

/**
 * JUnit XML: one `<testsuite>` per sub-indicator, one `<testcase>` per item (48 for ita-2562).
 * fail → `<failure>`, review → `<skipped message=reason>`, error → `<error>`, na → `<skipped>`.
 * The outcome is reported as it is; per-item levels act on the gate, not on this report.
 */
export function renderJunit(report: AuditReport, pack: RulePack, lang: Lang = 'th'): string {
  const count = (items: ItemResult[], o: ItemResult['outcome'] | ItemResult['outcome'][]) =>
    items.filter((i) => (Array.isArray(o) ? o.includes(i.outcome) : i.outcome === o)).length;
  const seconds = (report.durationMs / 1000).toFixed(3);
  const classPrefix = `oit-audit.${report.ruleset.id}`;
  const properties = [
    ['site', report.site.finalUrl],
    ['ruleset', report.ruleset.id],
    ...(report.ruleset.selection ? [['rulesetSelection', report.ruleset.selection.reasonEn]] : []),
    ...(report.ruleset.mismatch
      ? [['rulesetMismatch', `!! ${lang === 'en' ? report.ruleset.mismatch.en : report.ruleset.mismatch.th}`]]
      : []),
    ['assessmentYear', String(report.assessmentYear)],
    ...(report.assessmentYearSource ? [['assessmentYearSource', report.assessmentYearSource]] : []),
    ['oit', formatScore(report.oit.score)],
    ...(report.ita
      ? [
          ['ita', formatScore(report.ita.score)],
          ['rating', report.ita.rating],
        ]
      : []),
  ]
    .map(([name, value]) => `      <property name="${xmlAttr(name ?? '')}" value="${xmlAttr(value ?? '')}"/>`)
    .join('\n');

  const suites: string[] = [];
  const known = new Set<string>();
  const groups = pack.subIndicators.map((sub) => {
    const items = report.items.filter((i) => i.subIndicator === sub.id);
    for (const i of items) known.add(i.id);
    const name = lang === 'en' ? (sub.name.en ?? sub.name.th) : sub.name.th;
    return { id: sub.id, name: `${sub.id} ${name}`, items };
  });
  // Items of a sub-indicator the pack does not list (a report from another pack version).
  const rest = report.items.filter((i) => !known.has(i.id));
  if (rest.length > 0) groups.push({ id: 'other', name: 'other', items: rest });

  for (const group of groups) {
    const cases = group.items.map((item) => {
      const itemName = lang === 'en' ? (item.nameEn ?? item.name) : item.name;
      const open = `    <testcase classname="${xmlAttr(`${classPrefix}.${group.id}`)}" name="${xmlAttr(`${item.id} ${itemName}`)}" time="0">`;
      const reason = reasonOf(item, lang);
      const type = item.problems[0]?.code ?? item.outcome;
      switch (item.outcome) {
        case 'fail':
          return `${open}\n      <failure message="${xmlAttr(reason)}" type="${xmlAttr(type)}">${xmlText(detailsOf(item, lang))}</failure>\n    </testcase>`;
        case 'error':
          return `${open}\n      <error message="${xmlAttr(reason)}" type="${xmlAttr(type)}">${xmlText(detailsOf(item, lang))}</error>\n    </testcase>`;
        case 'review':
        case 'na':
          return `${open}\n      <skipped message="${xmlAttr(`${outcomeLabel(item.outcome, lang)}: ${reason}`)}"/>\n    </testcase>`;
        default: {
          const ev = item.evidence[0];
          return ev
            ? `${open}\n      <system-out>${xmlText(`${ev.url}${ev.text ? ` — ${ev.text}` : ''}`)}</system-out>\n    </testcase>`
            : `${open}</testcase>`;
        }
      }
    });
    const items = group.items;
    suites.push(
      `  <testsuite name="${xmlAttr(group.name)}" tests="${items.length}" failures="${count(items, 'fail')}" errors="${count(items, 'error')}" skipped="${count(items, ['review', 'na'])}" time="0" timestamp="${xmlAttr(report.startedAt)}">\n    <properties>\n${properties}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const all = report.items;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${xmlAttr(`oit-audit ${report.site.finalUrl}`)}" tests="${all.length}" failures="${count(all, 'fail')}" errors="${count(all, 'error')}" skipped="${count(all, ['review', 'na'])}" time="${seconds}">
${suites.join('\n')}
</testsuites>
`;
}
