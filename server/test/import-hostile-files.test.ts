import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, multipartBody, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import {
  deflated,
  deflatedRepeat,
  manySharedStrings,
  SHEET_END,
  SHEET_START,
  WORKBOOK_PARTS,
  zipOfRawParts,
} from './helpers/zip';

// Uploads wait in the system's temporary directory: this file's own, so that what is left is ours.
const systemTmp = tmpdir();
const uploadsDir = mkdtempSync(path.join(systemTmp, 'redshield-hostile-'));
process.env.TMPDIR = uploadsDir;

let t: TestApp;
let handler: Session;
let url: string;
let districtCode: string;

const HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await createTenant(t.services, { roles: ['handler'] });
  const { district, office } = tenant.units;
  districtCode = district.code;
  const campaign = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: office.id,
    participantUnitIds: [district.id, office.id],
  });
  url = `/api/campaigns/${campaign.id}/cases/import`;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  process.env.TMPDIR = systemTmp;
  rmSync(uploadsDir, { recursive: true, force: true });
});

/** Descriptors of this process open on a file of the uploads directory (a deleted one reads "… (deleted)"). */
function openUploadFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(uploadsDir) ? [target] : [];
    } catch {
      return []; // closed between the listing and the look
    }
  });
}

/** Nothing of an upload is left: no file in its directory, no descriptor open on one (closing may take a tick). */
async function expectNothingLeft() {
  for (let i = 0; i < 40 && (openUploadFiles().length > 0 || readdirSync(uploadsDir).length > 0); i++)
    await new Promise((r) => setTimeout(r, 50));
  expect(readdirSync(uploadsDir)).toEqual([]);
  expect(openUploadFiles()).toEqual([]);
}

async function validXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADER.split(','));
  for (let i = 0; i < 200; i++)
    ws.addRow([
      `完整〔2026〕${i}号`,
      districtCode,
      'food',
      `某案${i}`,
      '某公司',
      null,
      '2026-03-01',
      null,
      1,
      0,
      0,
      0,
      '否',
      '否',
      '否',
      null,
      null,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a file while sampling the heap; answers the response and the largest growth seen. */
async function uploadMeasured(fileName: string, content: Buffer) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    const res = await handler.upload(url, fileName, content);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { res, heapGrowthMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

describe('hostile .xlsx files are refused before they are expanded', () => {
  it('refuses 4.5 million shared strings (a ~100 KB file) with 413, without the heap growing by hundreds of MB', async () => {
    // The 9.8 MB file: millions of tiny strings in sharedStrings.xml, which the reader would cache.
    const file = manySharedStrings(4_500_000);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const { res, heapGrowthMb } = await uploadMeasured('strings.xlsx', file);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().detail).toBe('文件的共享字符串超过 2,000,000 个，请拆分后导入');
    expect(heapGrowthMb).toBeLessThan(200);
    await expectNothingLeft();
  });

  it('refuses a sheet that expands to more than 1 GB (while its headers claim 1 KB) with 413 after inflating 64 MB of it, writing nothing to disk', async () => {
    const block = Buffer.from(`<row><c t="inlineStr"><is><t>${'炸'.repeat(2000)}</t></is></c></row>`.repeat(2000));
    const copies = Math.ceil((1024 * 1024 * 1024) / block.length) + 1;
    const sheet = deflatedRepeat(SHEET_START, block, copies, SHEET_END);
    const file = zipOfRawParts([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 1024 },
    ]);
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    const { res, heapGrowthMb } = await uploadMeasured('bomb.xlsx', file);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().detail).toBe(
      '文件中的“xl/worksheets/sheet1.xml”解压后超过压缩大小的 400 倍，不像是正常的表格，请用 Excel 另存为 .xlsx 后导入',
    );
    expect(heapGrowthMb).toBeLessThan(200);
    await expectNothingLeft();
  });

  it('refuses styles that expand past 20 MB (the reader keeps every cell format in memory)', async () => {
    const block = Buffer.from('<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(10_000));
    const styles = deflatedRepeat(
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>',
      block,
      Math.ceil((21 * 1024 * 1024) / block.length),
      '</cellXfs></styleSheet>',
    );
    const sheet = deflated(`${SHEET_START}<row r="1"><c r="A1"><v>1</v></c></row>${SHEET_END}`);
    const file = zipOfRawParts([
      ...WORKBOOK_PARTS,
      { name: 'xl/styles.xml', data: styles, declaredSize: 500 },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 100 },
    ]);
    const res = await handler.upload(url, 'styles.xlsx', file);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().detail).toBe('文件中的“xl/styles.xml”解压后超过 20 MB，请另存为 .xlsx 后导入');
    await expectNothingLeft();
  });

  it('still imports a well-formed workbook, and leaves nothing behind', async () => {
    const res = await handler.upload(url, 'fine.xlsx', await validXlsx());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 200 });
    await expectNothingLeft();
  });
});

describe('corrupt uploads answer 4xx in Chinese and release their temporary file', () => {
  const corruptXlsx = '文件已损坏或不是有效的 .xlsx 文件（请用 Excel 打开后另存为 .xlsx 再导入）';

  it('a truncated .xlsx', async () => {
    const whole = await validXlsx();
    const res = await handler.upload(url, 'cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ title: '文件无法读取', detail: corruptXlsx, errors: [{ path: 'file' }] });
    await expectNothingLeft();
  });

  it('an .xlsx whose compressed sheet is damaged inside an intact zip', async () => {
    const sheet = Buffer.from(
      deflated(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>案件编号</t></is></c></row>${SHEET_END}`),
    );
    sheet.fill(0xff, 2, 12);
    const res = await handler.upload(
      url,
      'damaged.xlsx',
      zipOfRawParts([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 200 }]),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().detail).toBe(corruptXlsx);
    await expectNothingLeft();
  });

  it('a file that is not a zip, renamed .xlsx', async () => {
    const res = await handler.upload(url, 'renamed.xlsx', Buffer.from(`${HEADER}\r\n这不是 Excel 文件\r\n`.repeat(50)));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().detail).toBe(corruptXlsx);
    await expectNothingLeft();
  });

  it('binary garbage named .csv', async () => {
    const garbage = Buffer.alloc(256 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + (i >> 8) * 31) & 0xff;
    const res = await handler.upload(url, 'garbage.csv', garbage);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().title).toMatch(/导入内容有误|文件无法读取/);
    await expectNothingLeft();
  });

  it('a .csv with a quoted cell that never ends', async () => {
    const res = await handler.upload(url, 'quote.csv', `${HEADER}\r\n"${'很长的内容'.repeat(300_000)}`);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().detail).toContain('无法按 CSV 读取');
    await expectNothingLeft();
  });

  it('a multipart body cut off in the middle of the file', async () => {
    const body = multipartBody(
      'file',
      'cut.csv',
      `${HEADER}\r\n${'断〔2026〕1号,x,y,z,w,,2026-01-01,,0,0,0,0,否,否,否,,\r\n'.repeat(5000)}`,
    );
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: handler.cookie, 'x-csrf-token': handler.csrfToken, ...body.headers },
      payload: body.payload.subarray(0, Math.floor(body.payload.length / 2)),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ title: '上传不完整', errors: [{ path: 'file' }] });
    await expectNothingLeft();
  });

  it('a multipart form without a file part', async () => {
    const boundary = '----redshieldnofile';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n只有文字\r\n--${boundary}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: handler.cookie,
        'x-csrf-token': handler.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'file', message: '请选择要导入的文件（表单字段 file）' }]);
    await expectNothingLeft();
  });
});
