export { type ItaScore, itaWeightsKnown, ratingKnown, ratingOf, scoreIta, toolsFromIndicators } from './ita';
export { type IndicatorScore, type OitScore, type SubIndicatorScore, scoreOit } from './oit';
export { formatScore, mean, round2 } from './round';
export {
  type ResolvedSurvey,
  resolveSurvey,
  SurveyError,
  type SurveyInput,
  surveyInputSchema,
} from './survey';
export { type ItemWeight, itemWeights, type Priority, priorities } from './weights';
