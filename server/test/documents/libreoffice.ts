import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Converts a file with LibreOffice to PDF and returns the PDF's text (pdftotext). Throws when
 * LibreOffice cannot open the file. Needs libreoffice-writer/-calc and poppler-utils.
 */
export function openWithLibreOffice(
  fileName: string,
  content: Buffer,
): { pdfPath: string; text: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-lo-'));
  const input = path.join(dir, fileName);
  fs.writeFileSync(input, content);
  const profile = `file://${path.join(dir, 'profile')}`;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
    { stdio: 'pipe', timeout: 110_000 },
  );
  const pdfPath = input.replace(/\.[^.]+$/, '.pdf');
  if (!fs.existsSync(pdfPath)) throw new Error(`LibreOffice did not convert ${fileName}`);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return { pdfPath, text, pages };
}
