import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download';

describe('fileNameFrom', () => {
  it('reads the UTF-8 name the server sends next to its ASCII fallback', () => {
    const header = `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent('2026民生领域案件查办“铁拳”行动任务分工表.xlsx')}`;
    expect(fileNameFrom(header, 'task-matrix.xlsx')).toBe('2026民生领域案件查办“铁拳”行动任务分工表.xlsx');
  });

  it('falls back to the plain name, then to the given name', () => {
    expect(fileNameFrom('attachment; filename="plan.docx"', 'x.docx')).toBe('plan.docx');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'x.docx')).toBe('x.docx');
    expect(fileNameFrom(null, 'x.docx')).toBe('x.docx');
    expect(fileNameFrom('attachment', 'x.docx')).toBe('x.docx');
  });
});
