import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { readOfficeText } from '../../../src/node/office-text';

describe('readOfficeText (DOCX evidence)', () => {
  it('reads the Thai text of a DOCX, paragraph by paragraph', async () => {
    const doc = new Document({
      sections: [
        {
          children: [new Paragraph('มาตรการตรวจสอบการใช้ดุลพินิจ'), new Paragraph('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘')],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const text = await readOfficeText(bytes, 'docx');
    expect(text.text).toContain('มาตรการตรวจสอบการใช้ดุลพินิจ');
    expect(text.text).toContain('พ.ศ. ๒๕๖๘');
  });

  it('rejects bytes that are not a DOCX (the probe turns it into review, not a crash)', async () => {
    await expect(readOfficeText(new TextEncoder().encode('not a zip'), 'docx')).rejects.toThrow();
  });
});
