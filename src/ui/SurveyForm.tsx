import { useId, useState } from 'react';
import type { RulePack } from '../core/rules/load-pack';
import { formatScore } from '../core/score/round';
import type { SurveyInput } from '../core/score/survey';
import { type Lang, type StringKey, t } from './i18n';
import { localText } from './labels';
import { formFromSurvey, type SurveyLevel, surveyIndicators, validateSurveyForm } from './survey-form';

export interface SurveyFormProps {
  pack: RulePack;
  lang: Lang;
  /** The stored input (the form starts from it). */
  initial: SurveyInput | null;
  /** The ITA projected with the stored input, when there is a report to project from. */
  projection?: { score: number; rating: string; upperBound?: { score: number; rating: string } } | null;
  /** False when no report exists yet (the ITA needs the OIT). */
  hasReport: boolean;
  onSave: (input: SurveyInput) => void;
  onClear: () => void;
}

const LEVELS: SurveyLevel[] = ['tool', 'indicator', 'question'];

/** IIT/EIT at tool, indicator or question level, validated 0–100, with the projected ITA. */
export function SurveyForm({ pack, lang, initial, projection, hasReport, onSave, onClear }: SurveyFormProps) {
  const [values, setValues] = useState(() => formFromSurvey(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const formId = useId();
  const indicators = surveyIndicators(pack);
  const names = new Map(pack.indicators.map((i) => [i.id, i.name]));

  const setField = (key: string, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, fields: { ...v.fields, [key]: value } }));
  };
  const field = (key: string, label: string, compact = false) => {
    const id = `${formId}-${key}`;
    const error = errors[key];
    return (
      <div key={key} className={compact ? 'oit-field oit-field-compact' : 'oit-field'}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={key}
          inputMode="decimal"
          value={values.fields[key] ?? ''}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setField(key, e.target.value)}
        />
        {error ? (
          <span id={`${id}-error`} className="oit-msg-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  const submit = () => {
    const result = validateSurveyForm(values, pack, lang);
    if (!result.ok) {
      setErrors(result.errors);
      setSummary(result.summary);
      setSaved(false);
      return;
    }
    setErrors({});
    setSummary(null);
    setSaved(true);
    onSave(result.input);
  };

  return (
    <section className="oit-survey" data-testid="survey">
      <h3>{t(lang, 'survey')}</h3>
      <fieldset>
        <legend>{t(lang, 'surveyLevel')}</legend>
        {LEVELS.map((level) => (
          <label key={level} className="oit-radio">
            <input
              type="radio"
              name={`${formId}-level`}
              value={level}
              checked={values.level === level}
              onChange={() => {
                setValues((v) => ({ ...v, level }));
                setErrors({});
                setSummary(null);
              }}
            />{' '}
            {t(lang, `level_${level}` as StringKey)}
          </label>
        ))}
      </fieldset>
      <div className="oit-survey-fields">
        {values.level === 'tool' ? (
          <>
            {field('iit', 'IIT')}
            {field('eit', 'EIT')}
          </>
        ) : null}
        {values.level === 'indicator'
          ? indicators.map((ind) =>
              field(
                String(ind.id),
                `${t(lang, 'indicator')} ${ind.id} ${localText(names.get(ind.id), lang)}`,
              ),
            )
          : null}
        {values.level === 'question'
          ? indicators.map((ind) => (
              <fieldset key={ind.id} className="oit-question-group">
                <legend>
                  {t(lang, 'indicator')} {ind.id} {localText(names.get(ind.id), lang)}
                </legend>
                {ind.questions.map((q) => field(q, q, true))}
                {errors[`group-${ind.id}`] ? (
                  <p className="oit-msg-error" role="alert">
                    {errors[`group-${ind.id}`]}
                  </p>
                ) : null}
              </fieldset>
            ))
          : null}
      </div>
      {summary ? (
        <p className="oit-msg-error" role="alert" data-testid="survey-error">
          {summary}
        </p>
      ) : null}
      <div className="oit-row">
        <button type="button" onClick={submit}>
          {t(lang, 'surveySave')}
        </button>
        <button
          type="button"
          className="oit-secondary"
          onClick={() => {
            setValues({ level: values.level, fields: {} });
            setErrors({});
            setSummary(null);
            setSaved(false);
            onClear();
          }}
        >
          {t(lang, 'surveyClear')}
        </button>
        {saved ? <span className="oit-muted">{t(lang, 'surveySaved')}</span> : null}
      </div>
      <div className="oit-projection" data-testid="survey-projection">
        {!hasReport ? (
          <span className="oit-muted">{t(lang, 'surveyNeedsReport')}</span>
        ) : projection ? (
          <>
            {t(lang, 'itaProjection')}:{' '}
            <strong data-testid="projected-ita">{formatScore(projection.score)}</strong> {t(lang, 'rating')}{' '}
            <strong data-testid="projected-rating">{projection.rating}</strong>
            {projection.upperBound && projection.upperBound.score > projection.score ? (
              <span className="oit-muted">
                {' '}
                ·{' '}
                {t(lang, 'itaUpper', {
                  n: formatScore(projection.upperBound.score),
                  r: projection.upperBound.rating,
                })}
              </span>
            ) : null}
          </>
        ) : (
          <span className="oit-muted">{t(lang, 'noIta')}</span>
        )}
      </div>
    </section>
  );
}
