/** The certificate-number format as the settings screen explains it (shared/domain/certificate-format-help.ts). */
import { describe, expect, it } from 'vitest';
import { certificateFormatHelp } from '../../shared/domain/certificate-format-help';

describe('certificateFormatHelp', () => {
  it.each([
    ['{prefix}{office}-{year}-{seq}', '320102', ['{prefix}', '{office}', '{year}', '{seq}'], 'J320102-2026-000123', 'BL320102-2026-000123'],
    ['{prefix}{office}-{year}-1{seq}', '320102', ['{prefix}', '{office}', '{year}', '{seq}'], 'J320102-2026-1000123', 'BL320102-2026-1000123'],
    ['{year}{seq}', '', ['{year}', '{seq}'], '2026000123', '2026000123'],
    ['{prefix}{office}{seq}', '', ['{prefix}', '{office}', '{seq}'], 'J110105000123', 'BL110105000123'],
  ])('%s with office %j', (format, office, placeholders, marriage, reissueDivorce) => {
    const help = certificateFormatHelp(format, office, 2026);
    if (help.problem !== null) throw new Error(help.problem);
    expect(help.placeholders.map((p) => p.placeholder)).toEqual(placeholders);
    for (const p of help.placeholders) expect(p.meaning).toMatch(/[\u4e00-\u9fff]/);
    expect(help.examples.map((e) => e.label)).toEqual(['结婚证', '离婚证', '补发结婚证', '补发离婚证']);
    expect(help.examples[0]?.number).toBe(marriage);
    expect(help.examples[3]?.number).toBe(reissueDivorce);
  });

  it('says the office code is not entered yet', () => {
    const help = certificateFormatHelp('{prefix}{office}-{year}-{seq}', '', 2026);
    expect(help.problem === null && help.placeholders[1]?.meaning).toContain('尚未填写');
  });

  it.each([['{prefix}{office}-{year}'], [''], ['{foo}{seq}']])('gives the problem of %j instead', (format) => {
    expect(certificateFormatHelp(format, '110105', 2026).problem).toMatch(/[\u4e00-\u9fff]/);
  });
});
