import { useId, useState } from 'react';
import { packFromJson } from '../core/rules/pack-json';
import { allRulePacks } from '../core/rules/registry';
import type { Lang } from './i18n';

export interface PackPickerProps {
  lang: Lang;
  /** "auto" (or undefined), a bundled id, or "custom". */
  value: string | undefined;
  /** The imported pack's JSON, when there is one. */
  customPack: unknown;
  onChange: (patch: { rules?: string; customPack?: unknown }) => void;
}

const say = (lang: Lang, th: string, en: string) => (lang === 'en' ? en : th);

/** The id of an imported pack, or null when it does not validate. */
function customId(json: unknown): string | null {
  try {
    return packFromJson(json, 'imported-pack.json').id;
  } catch {
    return null;
  }
}

/**
 * Picks the rule pack of the next audit: auto (the assessed year's pack, or what the site's
 * ITA index says), any bundled pack, or a pack imported as one JSON file (`oit-audit rules
 * export`). An imported file is validated at once; its error names the file and field.
 */
export function PackPicker({ lang, value, customPack, onChange }: PackPickerProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const imported = customPack !== undefined ? customId(customPack) : null;
  const packs = allRulePacks();
  return (
    <div className="oit-row" data-testid="pack-picker">
      <label htmlFor={id}>{say(lang, 'ชุดเกณฑ์', 'Rule pack')}</label>
      <select
        id={id}
        value={value ?? 'auto'}
        onChange={(e) => onChange({ rules: e.target.value })}
        data-testid="pack-select"
      >
        <option value="auto">
          {say(lang, 'อัตโนมัติ (ตามปีที่ประเมินและเว็บไซต์)', 'auto (assessed year and site)')}
        </option>
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.id} · ${p.family === 'moph' ? 'MOPH' : 'NACC'} ${p.year} · ${p.items.length} ${say(lang, 'ข้อ', 'items')}`}
          </option>
        ))}
        {imported ? (
          <option value="custom">{`${imported} (${say(lang, 'นำเข้า', 'imported')})`}</option>
        ) : null}
      </select>
      <label className="oit-secondary">
        {say(lang, 'นำเข้าชุดเกณฑ์ (JSON)', 'Import pack (JSON)')}
        <input
          type="file"
          accept="application/json,.json"
          style={{ display: 'none' }}
          data-testid="pack-import"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            try {
              const json: unknown = JSON.parse(await file.text());
              packFromJson(json, file.name);
              setError(null);
              onChange({ rules: 'custom', customPack: json });
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        />
      </label>
      {error ? (
        <p className="oit-pack-mismatch" role="alert" data-testid="pack-import-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
