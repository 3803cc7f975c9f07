import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledPackFiles } from '../../src/core/rules/bundled-packs';
import type { AuditReport } from '../../src/core/report/schema';
import { PackNotice } from '../../src/ui/PackNotice';
import { PackPicker } from '../../src/ui/PackPicker';

afterEach(cleanup);

const exported = () => ({
  ruleset: { ...(bundledPackFiles['ita-2569']!.ruleset as object), id: 'my-2570' },
  items: bundledPackFiles['ita-2569']!.items,
});

function fileOf(json: unknown, name = 'pack.json') {
  return new File([JSON.stringify(json)], name, { type: 'application/json' });
}

describe('PackPicker (side panel)', () => {
  it('offers auto and every bundled pack, and reports the choice', () => {
    const onChange = vi.fn();
    render(<PackPicker lang="en" value={undefined} customPack={undefined} onChange={onChange} />);
    const select = screen.getByTestId('pack-select') as HTMLSelectElement;
    const values = [...select.options].map((o) => o.value);
    expect(values[0]).toBe('auto');
    expect(values).toContain('ita-2566');
    expect(values).toContain('moph-moit-2569');
    expect(values).not.toContain('custom');
    fireEvent.change(select, { target: { value: 'ita-2566' } });
    expect(onChange).toHaveBeenCalledWith({ rules: 'ita-2566' });
  });

  it('imports a valid pack JSON and lists it; a broken one shows its file and field', async () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <PackPicker lang="en" value={undefined} customPack={undefined} onChange={onChange} />,
    );
    const input = screen.getByTestId('pack-import') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [fileOf(exported())] } });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ rules: 'custom', customPack: exported() }));
    rerender(<PackPicker lang="en" value="custom" customPack={exported()} onChange={onChange} />);
    expect((screen.getByTestId('pack-select') as HTMLSelectElement).value).toBe('custom');
    expect(screen.getByText('my-2570 (imported)')).toBeTruthy();

    const broken = exported() as { items: Record<string, Record<string, unknown>> };
    broken.items['O7.json']!.freshness = 'sometimes';
    fireEvent.change(input, { target: { files: [fileOf(broken, 'mine.json')] } });
    await waitFor(() =>
      expect(screen.getByTestId('pack-import-error').textContent).toMatch(
        /mine\/items\/O7\.json: field "freshness"/,
      ),
    );
  });
});

describe('PackNotice', () => {
  it('shows the pack and why, and a mismatch as an alert (site text as text)', () => {
    const ruleset = {
      id: 'ita-2562',
      year: 2562,
      items: 48,
      selection: {
        mode: 'forced' as const,
        reason: 'กำหนดด้วย --rules ita-2562',
        reasonEn: 'forced with --rules ita-2562',
      },
      mismatch: { th: 'เว็บไซต์ใช้รหัส MOIT <b>x</b>', en: 'the site uses MOPH "MOIT" codes <b>x</b>' },
    };
    render(<PackNotice report={{ ruleset } as unknown as AuditReport} lang="en" />);
    expect(screen.getByTestId('pack-reason').textContent).toBe(
      'Rule pack ita-2562: forced with --rules ita-2562',
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('the site uses MOPH "MOIT" codes <b>x</b>');
    expect(alert.querySelector('b')).toBeNull();
  });
});
