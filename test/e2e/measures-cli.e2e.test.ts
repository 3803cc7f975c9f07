import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measuresDocumentSchema } from '../../src/core/measures';
import fixture from '../fixtures/seed-002-survey.json';
import { auditSite } from '../helpers/audit-site';
import { unzip } from '../helpers/unzip';

const BIN = join(import.meta.dirname, '../../bin/oit-audit.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `oit-audit` bin as a user would. */
function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, OIT_AUDIT_LANG: 'th' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('oit-audit measures <report.json>', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oit-measures-'));
    const { report, server } = await auditSite('agency-gaps', {
      survey: { questions: fixture.survey.questions },
    });
    await server.close();
    writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1,');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...report, items: 'none' }));
  }, 60_000);

  it('writes a DOCX with --out: a valid zip with the Thai rows in TH Sarabun New', async () => {
    const r = await cli(['measures', 'report.json', '--format', 'docx', '--out', 'out/measures.docx'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('out/measures.docx');
    const files = unzip(readFileSync(join(dir, 'out/measures.docx')));
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain(
      'O12 รายงานผลการดำเนินงานประจำปี (ไม่ผ่าน: ข้อมูลไม่เป็นปีงบประมาณที่กำหนด — พบปีงบประมาณ 2565 ต้องเป็นปี 2567)',
    );
    expect(xml).toContain('I7 การรับรู้แผนการใช้จ่ายงบประมาณประจำปีของหน่วยงาน (81.80 คะแนน ระดับ B)');
    expect(xml).toContain('ประจำปีงบประมาณ พ.ศ. 2569');
    expect(xml).toContain('w:cs="TH Sarabun New"');
  });

  it('refuses DOCX on stdout without --out (exit 2), saying why', async () => {
    const r = await cli(['measures', 'report.json', '--format', 'docx'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out');
    expect(r.stderr).toContain('DOCX');
  });

  it('prints Markdown by default, with --agency, --year and --thai-digits', async () => {
    const [plain, styled] = await Promise.all([
      cli(['measures', 'report.json'], dir),
      cli(['measures', 'report.json', '--agency', 'สำนักงานทดสอบ', '--year', '2570', '--thai-digits'], dir),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('# มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(plain.stdout).toContain('**ประจำปีงบประมาณ พ.ศ. 2569**');
    expect(plain.stdout).toContain('**(ชื่อหน่วยงาน)**');
    expect(styled.code, styled.stderr).toBe(0);
    expect(styled.stdout).toContain('**ประจำปีงบประมาณ พ.ศ. ๒๕๗๐**');
    expect(styled.stdout).toContain('**สำนักงานทดสอบ**');
    expect(styled.stdout).toContain('O๑๒ รายงานผลการดำเนินงานประจำปี');
  });

  it('--format json prints the measures document; --format html writes a page', async () => {
    const [json, html] = await Promise.all([
      cli(['measures', 'report.json', '--format', 'json'], dir),
      cli(['measures', 'report.json', '--format', 'html', '--out', 'measures.html'], dir),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const doc = measuresDocumentSchema.parse(JSON.parse(json.stdout));
    expect(doc.rows.filter((r) => r.kind === 'item')).toHaveLength(15);
    expect(doc.fiscalYear).toBe(2569);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(join(dir, 'measures.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toContain('<script');
  });

  it('exits 2 with a clear message for a missing, malformed or invalid report, or a bad flag', async () => {
    const [missing, malformed, invalid, format, year] = await Promise.all([
      cli(['measures', 'nope.json'], dir),
      cli(['measures', 'broken.json'], dir),
      cli(['measures', 'other.json'], dir),
      cli(['measures', 'report.json', '--format', 'pdf'], dir),
      cli(['measures', 'report.json', '--year', '2026'], dir),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('JSON');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('"items"');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('md, html, docx, json');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year');
  });
});
