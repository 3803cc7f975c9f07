import {
  AlignmentType,
  Document,
  Footer,
  type IRunOptions,
  NumberFormat,
  OnOffElement,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { MeasuresDocument } from './document';
import {
  type Block,
  type LayoutMeasureRow,
  type LayoutOptions,
  layoutMeasures,
  MEASURE_COLUMNS,
  URLISH,
} from './layout';

/**
 * The measures draft as a Word document (docx 9), ready to edit and sign:
 * A4 portrait with the margins of Thai official letters (top 2.5 cm, left 3 cm, right and
 * bottom 2 cm), the measures table in a landscape section of its own (ten columns do not fit
 * 16 cm; ecosystem.md §4 "what our tool should do"), "TH Sarabun New" 16 pt declared for every script and in particular for complex
 * script (Thai) text (w:rFonts w:cs, w:szCs, and w:cs on every run),
 * "thaiDistribute" paragraphs (Word's Thai justification), the measures table with the seeds' columns (quarters 1–4 as
 * shaded cells, header rows repeated on each page), BE dates and a signature block.
 * The font is named, not embedded (its licence is not ours to bundle): an installed copy wins.
 */

export const DOCX_FONT = 'TH Sarabun New';
const FONT = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT };
/** Half-points: body 16 pt, table 14 pt, headings and title 18 pt. */
const SIZE = { body: 32, table: 28, small: 26, heading: 36, title: 36 } as const;
/** A4 in twips and the usable width between the margins. */
const PAGE = { width: 11906, height: 16838, top: 1418, bottom: 1134, left: 1701, right: 1134 } as const;
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const QUARTER_FILL = 'A6B4C8';
const HEADER_FILL = 'E7E6E6';

/** A run marked as complex script (<w:cs/>) so Word applies the cs font and size to all of it. */
class ThaiRun extends TextRun {
  constructor(options: IRunOptions) {
    super({ font: FONT, ...options });
    this.properties.push(new OnOffElement('w:cs'));
  }
}

/**
 * The runs of one text: URLs and host names as plain Latin runs (marked complex script, some
 * renderers break lines inside their digits), everything else as complex-script runs.
 */
function runs(text: string, o: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  const style = {
    ...(o.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(o.size ? { size: o.size, sizeComplexScript: o.size } : {}),
    ...(o.color ? { color: o.color } : {}),
  };
  const out: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(URLISH)) {
    if (m.index > last) out.push(new ThaiRun({ text: text.slice(last, m.index), ...style }));
    out.push(new TextRun({ text: m[0], font: FONT, ...style }));
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push(new ThaiRun({ text: text.slice(last), ...style }));
  return out;
}

function para(
  text: string,
  o: {
    bold?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: { firstLine?: number; left?: number; hanging?: number };
    before?: number;
    after?: number;
    color?: string;
    keepNext?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    children: runs(text, o),
    ...(o.align ? { alignment: o.align } : {}),
    ...(o.indent ? { indent: o.indent } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
  });
}

const cellMargins = { top: 20, bottom: 20, left: 60, right: 60 };

function cell(
  paragraphs: Paragraph[],
  o: { width: number; fill?: string; columnSpan?: number; rowSpan?: number; center?: boolean } = { width: 0 },
): TableCell {
  return new TableCell({
    children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})],
    width: { size: o.width, type: WidthType.DXA },
    margins: cellMargins,
    verticalAlign: o.center ? VerticalAlign.CENTER : VerticalAlign.TOP,
    ...(o.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    ...(o.rowSpan ? { rowSpan: o.rowSpan } : {}),
  });
}

const tableText = (text: string, o: { bold?: boolean; align?: 'center' | 'right'; size?: number } = {}) =>
  para(text, {
    size: o.size ?? SIZE.table,
    ...(o.bold ? { bold: true } : {}),
    ...(o.align === 'center'
      ? { align: AlignmentType.CENTER }
      : o.align === 'right'
        ? { align: AlignmentType.RIGHT }
        : {}),
  });

function simpleTable(block: Extract<Block, { type: 'table' }>): Table {
  const first = Math.round(CONTENT_WIDTH * 0.46);
  const rest = Math.floor((CONTENT_WIDTH - first) / Math.max(1, block.header.length - 1));
  const widths = block.header.map((_, i) => (i === 0 ? first : rest));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.header.map((h, i) =>
          cell([tableText(h, { bold: true, align: 'center' })], {
            width: widths[i] ?? rest,
            fill: HEADER_FILL,
          }),
        ),
      }),
      ...block.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) =>
              cell([tableText(c, block.numeric[i] ? { align: 'right' } : {})], { width: widths[i] ?? rest }),
            ),
          }),
      ),
    ],
  });
}

/** Width between the margins of a landscape A4 page (the measures table's section). */
const LANDSCAPE_WIDTH = PAGE.height - PAGE.left - PAGE.right;

/** Column widths of the measures table (twips), summing to the landscape content width. */
const MEASURE_WIDTHS = (() => {
  const q = 300;
  const fixed = { issue: 2450, measure: 2050, steps: 3750, responsible: 1300, monitoring: 1800 };
  const used = Object.values(fixed).reduce((a, b) => a + b, 0) + 4 * q;
  return { ...fixed, q, reporting: LANDSCAPE_WIDTH - used };
})();

function measuresTable(rows: LayoutMeasureRow[]): Table {
  const w = MEASURE_WIDTHS;
  const c = MEASURE_COLUMNS;
  const head = (text: string, width: number, o: { rowSpan?: number; columnSpan?: number } = {}) =>
    cell([tableText(text, { bold: true, align: 'center' })], {
      width,
      fill: HEADER_FILL,
      center: true,
      ...o,
    });
  const header1 = new TableRow({
    tableHeader: true,
    children: [
      head(c.issue, w.issue, { rowSpan: 2 }),
      head(c.measure, w.measure, { rowSpan: 2 }),
      head(c.steps, w.steps, { rowSpan: 2 }),
      head(c.responsible, w.responsible, { rowSpan: 2 }),
      head(c.period, 4 * w.q, { columnSpan: 4 }),
      head(c.monitoring, w.monitoring, { rowSpan: 2 }),
      head(c.reporting, w.reporting, { rowSpan: 2 }),
    ],
  });
  const header2 = new TableRow({
    tableHeader: true,
    children: [1, 2, 3, 4].map((q) => head(String(q), w.q)),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        children: [
          cell([tableText(r.issue), para(r.note, { size: SIZE.small, color: '555555' })], { width: w.issue }),
          cell([tableText(r.measure)], { width: w.measure }),
          cell(
            r.steps.map((s) => tableText(s)),
            { width: w.steps },
          ),
          cell([tableText(r.responsible)], { width: w.responsible }),
          ...r.quarters.map((on) =>
            cell(on ? [tableText('●', { align: 'center' })] : [], {
              width: w.q,
              center: true,
              ...(on ? { fill: QUARTER_FILL } : {}),
            }),
          ),
          cell([tableText(r.monitoring)], { width: w.monitoring }),
          cell([tableText(r.reporting)], { width: w.reporting }),
        ],
      }),
  );
  return new Table({
    width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA },
    columnWidths: [w.issue, w.measure, w.steps, w.responsible, w.q, w.q, w.q, w.q, w.monitoring, w.reporting],
    layout: TableLayoutType.FIXED,
    rows: [header1, header2, ...body],
  });
}

function docxBlocks(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, index) => {
    const beforeSignature = blocks[index + 1]?.type === 'signature';
    switch (block.type) {
      case 'title':
        block.lines.forEach((line, i) => {
          out.push(
            para(line, {
              bold: true,
              size: i === 0 ? SIZE.title : SIZE.body,
              align: AlignmentType.CENTER,
              after: i === block.lines.length - 1 ? 240 : 0,
            }),
          );
        });
        break;
      case 'heading':
        out.push(
          para(block.text, { bold: true, size: SIZE.heading, before: 240, after: 60, keepNext: true }),
        );
        break;
      case 'paragraph':
        out.push(
          para(block.text, {
            align: AlignmentType.THAI_DISTRIBUTE,
            indent: { firstLine: 851 },
            after: 120,
            keepNext: beforeSignature,
            ...(block.small ? { size: SIZE.small } : {}),
          }),
        );
        break;
      case 'list':
        for (const item of block.items) {
          out.push(para(`•\t${item}`, { indent: { left: 567, hanging: 283 }, after: 60 }));
        }
        break;
      case 'table':
        out.push(simpleTable(block), para('', { after: 120 }));
        break;
      case 'measures':
        out.push(measuresTable(block.rows), para('', { after: 120 }));
        break;
      case 'signature':
        block.lines.forEach((line, i) => {
          out.push(
            para(line, {
              align: AlignmentType.CENTER,
              indent: { left: Math.round(CONTENT_WIDTH / 2) },
              before: i === 0 ? 720 : 60,
              keepNext: i < block.lines.length - 1,
            }),
          );
        });
        break;
    }
  });
  return out;
}

/**
 * Splits the blocks into the sections of the document: portrait, then the measures table
 * (with its heading and lead paragraph) on landscape pages, then portrait again for the
 * monitoring, notes and signature. Without a measures table there is one portrait section.
 */
function sectionsOf(blocks: Block[]): { landscape: boolean; blocks: Block[] }[] {
  const at = blocks.findIndex((b) => b.type === 'measures');
  if (at < 0) return [{ landscape: false, blocks }];
  let start = at;
  while (start > 0 && blocks[start - 1]?.type !== 'heading') start--;
  start = Math.max(0, start - 1);
  return [
    { landscape: false, blocks: blocks.slice(0, start) },
    { landscape: true, blocks: blocks.slice(start, at + 1) },
    { landscape: false, blocks: blocks.slice(at + 1) },
  ].filter((s) => s.blocks.length > 0);
}

/** Builds the Word document object (exported for tests that inspect it). */
export function buildMeasuresDocx(doc: MeasuresDocument, options: LayoutOptions = {}): Document {
  const blocks = layoutMeasures(doc, options);
  const title = blocks[0]?.type === 'title' ? blocks[0].lines.join(' ') : doc.title;
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ThaiRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: SIZE.small })],
        }),
      ],
    });
  return new Document({
    creator: `oit-audit ${doc.tool.version}`,
    title,
    description: `ร่างมาตรการ ${doc.rows.length} แถว`,
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: SIZE.body,
            sizeComplexScript: SIZE.body,
            // No w:lang bidi="th-TH": LibreOffice then breaks lines inside numbers ("25|62").
            // Word and LibreOffice recognise Thai by its script anyway.
          },
        },
      },
    },
    sections: sectionsOf(blocks).map((section, i) => ({
      properties: {
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: {
            top: PAGE.top,
            bottom: PAGE.bottom,
            left: PAGE.left,
            right: PAGE.right,
            header: 709,
            footer: 567,
          },
          pageNumbers: {
            ...(i === 0 ? { start: 1 } : {}),
            formatType: options.thaiDigits ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL,
          },
        },
      },
      footers: { default: footer() },
      children: docxBlocks(section.blocks),
    })),
  });
}

/** The measures draft as DOCX bytes (works in Node and in the browser). */
export async function renderMeasuresDocx(
  doc: MeasuresDocument,
  options: LayoutOptions = {},
): Promise<Uint8Array> {
  return Packer.pack(buildMeasuresDocx(doc, options), 'uint8array');
}
