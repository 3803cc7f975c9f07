export {
  MEASURES_VERSION,
  type MeasuresDocument,
  measuresDocumentSchema,
  type ScoreSet,
  type Strength,
} from './document';
export { type DraftOptions, draftMeasures, draftMeasuresFromSurvey, type SurveyDraftOptions } from './draft';
export {
  type Block,
  type LayoutOptions,
  layoutMeasures,
  MEASURE_COLUMNS,
  thaiDigitsOutsideUrls,
} from './layout';
export { buildMeasuresDocx, DOCX_FONT, renderMeasuresDocx } from './render-docx';
export { renderMeasuresHtml, renderMeasuresJson, renderMeasuresMarkdown } from './render-text';
export { BAND_LABELS, MEASURES_TITLE } from './texts';
