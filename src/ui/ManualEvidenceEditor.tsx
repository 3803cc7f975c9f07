import { useId, useState } from 'react';
import { type Lang, t } from './i18n';

export interface ManualEvidenceEditorProps {
  itemId: string;
  lang: Lang;
  /** URLs set by hand for this item. */
  urls: string[];
  /** URLs of the item's evidence in the current report (to tell verified from pending). */
  reported?: string[];
  onAdd: (itemId: string, url: string) => void;
  onClear: (itemId: string, url: string) => void;
}

/** Set or clear the evidence of one item by hand (`via: "manual"`); the next audit verifies it. */
export function ManualEvidenceEditor({
  itemId,
  lang,
  urls,
  reported = [],
  onAdd,
  onClear,
}: ManualEvidenceEditorProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const submit = () => {
    const url = value.trim();
    if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) {
      setError(t(lang, 'invalidUrl'));
      return;
    }
    setError(null);
    setValue('');
    onAdd(itemId, url);
  };
  return (
    <div className="oit-manual" data-testid={`manual-${itemId}`}>
      <label htmlFor={inputId}>{t(lang, 'manualEvidence')}</label>
      {urls.length > 0 ? (
        <ul>
          {urls.map((u) => (
            <li key={u} data-testid="manual-url">
              <span className="oit-url">{u}</span>
              {reported.includes(u) ? null : <span className="oit-muted"> ({t(lang, 'manualPending')})</span>}{' '}
              <button type="button" className="oit-link-button" onClick={() => onClear(itemId, u)}>
                {t(lang, 'manualClear')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="oit-row">
        <input
          id={inputId}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={value}
          aria-invalid={error !== null}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
        />
        <button type="button" onClick={submit}>
          {t(lang, 'manualSet')}
        </button>
      </div>
      {error ? (
        <p className="oit-msg-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="oit-muted">{t(lang, 'manualHint')}</p>
      )}
    </div>
  );
}
