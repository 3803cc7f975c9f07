import { escapeHtml } from '../report/escape';
import type { MeasuresDocument } from './document';
import { type Block, type LayoutOptions, layoutMeasures, MEASURE_COLUMNS } from './layout';

/** The measures draft as JSON (the document itself; digits stay Arabic: it is data). */
export function renderMeasuresJson(doc: MeasuresDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const MARK = '●';

/**
 * Escapes text for Markdown paragraphs and table cells: no raw HTML, no emphasis, no links
 * (brackets escaped, so parentheses stay plain and readable), no pipes or line breaks.
 */
function escapeMd(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`)
    .trim();
}

/** The measures draft as Markdown (GitHub tables; every text escaped, no raw HTML). */
export function renderMeasuresMarkdown(doc: MeasuresDocument, options: LayoutOptions = {}): string {
  const e = escapeMd;
  const out: string[] = [];
  const table = (header: string[], rows: string[][], numeric: boolean[]) => {
    out.push(`| ${header.map(e).join(' | ')} |`);
    out.push(`| ${header.map((_, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`);
    for (const r of rows) out.push(`| ${r.map(e).join(' | ')} |`);
    out.push('');
  };
  for (const block of layoutMeasures(doc, options)) {
    switch (block.type) {
      case 'title':
        out.push(`# ${e(block.lines[0] ?? '')}`, '');
        for (const line of block.lines.slice(1)) out.push(`**${e(line)}**`, '');
        break;
      case 'heading':
        out.push(`## ${e(block.text)}`, '');
        break;
      case 'paragraph':
        out.push(e(block.text), '');
        break;
      case 'list':
        for (const item of block.items) out.push(`- ${e(item)}`);
        out.push('');
        break;
      case 'table':
        table(block.header, block.rows, block.numeric);
        break;
      case 'measures': {
        const c = MEASURE_COLUMNS;
        table(
          [
            c.issue,
            c.measure,
            c.steps,
            c.responsible,
            'ไตรมาส 1',
            'ไตรมาส 2',
            'ไตรมาส 3',
            'ไตรมาส 4',
            c.monitoring,
            c.reporting,
          ],
          block.rows.map((r) => [
            `${r.issue} (${r.note})`,
            r.measure,
            r.steps.join(' '),
            r.responsible,
            ...r.quarters.map((q) => (q ? MARK : '')),
            r.monitoring,
            r.reporting,
          ]),
          [],
        );
        break;
      }
      case 'signature':
        out.push(...block.lines.map((l) => `${e(l)}  `), '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const CSS = `@page{size:A4 portrait;margin:2.5cm 2cm 2cm 3cm}
body{font-family:"TH Sarabun New","TH SarabunPSK","Sarabun","Loma","Garuda",sans-serif;font-size:16pt;line-height:1.35;color:#111;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1,.sub{text-align:center;margin:.2rem 0}h1{font-size:20pt}.sub{font-size:18pt;font-weight:bold}
h2{font-size:18pt;margin:1.2rem 0 .4rem}p.small,li.small{font-size:14pt}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid #444;padding:.15rem .3rem;vertical-align:top}
th{background:#eee}td.num{text-align:right;white-space:nowrap}
table.measures{font-size:14pt}table.measures td.q{width:1.6rem;text-align:center;padding:0}table.measures td.q.on{background:#9aa7b8}
table.measures .note{display:block;color:#444;font-size:13pt}tr.urgent td:first-child{border-left:4px solid #b3261e}tr.improve td:first-child{border-left:4px solid #c58a00}
ol.steps{margin:0;padding-left:0;list-style:none}
.signature{margin:2.5rem 0 0 50%;text-align:center}.signature p{margin:.2rem 0}
@media print{body{margin:0;max-width:none;padding:0}tr{break-inside:avoid}}`;

function htmlBlock(block: Block): string {
  const h = escapeHtml;
  switch (block.type) {
    case 'title':
      return `<header><h1>${h(block.lines[0] ?? '')}</h1>${block.lines
        .slice(1)
        .map((l) => `<p class="sub">${h(l)}</p>`)
        .join('')}</header>`;
    case 'heading':
      return `<h2>${h(block.text)}</h2>`;
    case 'paragraph':
      return `<p${block.small ? ' class="small"' : ''}>${h(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${block.header.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${block.numeric[i] ? ' class="num"' : ''}>${h(c)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'measures': {
      const c = MEASURE_COLUMNS;
      const head = `<thead><tr><th rowspan="2">${h(c.issue)}</th><th rowspan="2">${h(c.measure)}</th><th rowspan="2">${h(c.steps)}</th><th rowspan="2">${h(c.responsible)}</th><th colspan="4">${h(c.period)}</th><th rowspan="2">${h(c.monitoring)}</th><th rowspan="2">${h(c.reporting)}</th></tr><tr><th>1</th><th>2</th><th>3</th><th>4</th></tr></thead>`;
      const body = block.rows
        .map(
          (r) =>
            `<tr class="${r.band}"><td>${h(r.issue)}<span class="note">${h(r.note)}</span></td><td>${h(r.measure)}</td><td><ol class="steps">${r.steps
              .map((s) => `<li>${h(s)}</li>`)
              .join('')}</ol></td><td>${h(r.responsible)}</td>${r.quarters
              .map((q, i) => `<td class="q${q ? ' on' : ''}" title="ไตรมาสที่ ${i + 1}">${q ? MARK : ''}</td>`)
              .join('')}<td>${h(r.monitoring)}</td><td>${h(r.reporting)}</td></tr>`,
        )
        .join('');
      return `<table class="measures">${head}<tbody>${body}</tbody></table>`;
    }
    case 'signature':
      return `<section class="signature">${block.lines.map((l) => `<p>${h(l)}</p>`).join('')}</section>`;
  }
}

/**
 * The measures draft as one self-contained HTML page (inline CSS, no scripts, no network):
 * print it to PDF from a browser for an A4 copy. Every string is escaped.
 */
export function renderMeasuresHtml(doc: MeasuresDocument, options: LayoutOptions = {}): string {
  const blocks = layoutMeasures(doc, options);
  const title = blocks[0]?.type === 'title' ? blocks[0].lines.join(' ') : doc.title;
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head><body>
${blocks.map(htmlBlock).join('\n')}
</body></html>
`;
}
