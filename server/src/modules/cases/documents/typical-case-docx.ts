import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { chineseDate, FONTS } from '../../../platform/documents/official-document';
import { fenToWanYuan, yuanToFen } from '../../../platform/money';

/** The fields of annex 3 (典型案件报送信息表) a case carries, as the API shows them. */
export interface TypicalCaseForm {
  categoryLabel: string;
  name: string;
  partyName: string;
  licenceInfo: string | null;
  filingDate: string;
  closingDate: string | null;
  stage: string;
  amountInvolved: string;
  mediated: boolean;
  compensation: string;
  chainStage: 'production' | 'distribution' | null;
  otherProvinces: string | null;
  penalized: boolean;
  decisionDate: string | null;
  penaltyContent: string | null;
  fine: string;
  confiscated: string;
  otherMeasures: string[];
  transferredToPolice: boolean;
  policeTransferDate: string | null;
  notifiedTo: string | null;
  notificationDate: string | null;
  summary: string | null;
  published: boolean;
  unitName: string;
  contactName: string | null;
  contactPhone: string | null;
}

const SIZE = 10.5; // 五号, as forms are printed
const run = (text: string, opts: { bold?: boolean; font?: string; size?: number } = {}) =>
  new TextRun({
    text,
    bold: opts.bold,
    font: {
      eastAsia: opts.font ?? FONTS.fangsong,
      ascii: opts.font ?? FONTS.fangsong,
      hAnsi: opts.font ?? FONTS.fangsong,
    },
    size: (opts.size ?? SIZE) * 2,
  });
const box = (checked: boolean, label: string) => `${checked ? '☑' : '□'}${label}`;
/** 万元, exact to the fen (up to 6 decimals, trailing zeros dropped): 1 分 = 0.000001 万元. */
export const wanYuan = (yuan: string) => fenToWanYuan(yuanToFen(yuan) ?? 0, 6).replace(/\.?0+$/, '');
const dateOr = (iso: string | null) => (iso ? chineseDate(iso) : '    年  月  日');

/** Column widths of the printed form (6 columns over the 156 mm type area), in twips. */
const COLS = [1750, 1300, 1350, 1750, 1200, 1495];
const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

interface CellSpec {
  text: string;
  span?: number;
  label?: boolean;
  merge?: 'start' | 'continue';
  /** Left-aligned long text. */
  long?: boolean;
}

function cell(c: CellSpec): TableCell {
  const width = COLS.slice(0, c.span ?? 1).reduce((a, b) => a + b, 0);
  return new TableCell({
    columnSpan: c.span,
    verticalMerge:
      c.merge === 'start' ? VerticalMergeType.RESTART : c.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: c.text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: c.long ? AlignmentType.JUSTIFIED : AlignmentType.CENTER,
          children: [run(line, { bold: c.label })],
        }),
    ),
  });
}

const row = (cells: CellSpec[], height?: number) =>
  new TableRow({
    cantSplit: true,
    height: height ? { value: height, rule: 'atLeast' } : undefined,
    children: cells.map(cell),
  });
const L = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, label: true, ...extra });
const V = (text: string | null, extra: Partial<CellSpec> = {}): CellSpec => ({ text: text ?? '', ...extra });

/** The 典型案件报送信息表 (annex 3 of seed 004) filled from a case, in the printed layout. */
export function typicalCaseDocument(c: TypicalCaseForm, filledOn: string): Document {
  const closed = ['closed', 'archived'].includes(c.stage);
  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: COLS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: COLS,
    rows: [
      row([L('案件类型'), V(c.categoryLabel, { span: 5 })], 440),
      row([L('案件名称'), V(c.name, { span: 5 })], 440),
      row(
        [
          L('涉案企业名称\n（人员姓名）'),
          V(c.partyName, { span: 2 }),
          L('证照情况\n（许可信息）'),
          V(c.licenceInfo, { span: 2 }),
        ],
        560,
      ),
      row(
        [
          L('立案时间'),
          V(chineseDate(c.filingDate), { span: 2 }),
          L('结案时间'),
          V(dateOr(c.closingDate), { span: 2 }),
        ],
        440,
      ),
      row(
        [
          L('涉案金额\n（万元）'),
          V(wanYuan(c.amountInvolved)),
          L('是否\n调解'),
          V(`${box(c.mediated, '是')}${box(!c.mediated, '否')}`),
          L('赔偿数额\n（万元）'),
          V(c.mediated ? wanYuan(c.compensation) : ''),
        ],
        560,
      ),
      row(
        [
          L('涉案环节'),
          V(`${box(c.chainStage === 'production', '生产')}    ${box(c.chainStage === 'distribution', '经营')}`, {
            span: 2,
          }),
          L('本省以外涉案\n省（区、市）'),
          V(c.otherProvinces, { span: 2 }),
        ],
        560,
      ),
      row(
        [
          L('是否处罚'),
          V(`${box(c.penalized, '是')}      ${box(!c.penalized, '否')}`, { span: 2 }),
          L('作出处罚时间'),
          V(c.penalized ? dateOr(c.decisionDate) : '', { span: 2 }),
        ],
        440,
      ),
      row(
        [
          L('处罚决定内容', { merge: 'start' }),
          V(c.penaltyContent, { span: 2, merge: 'start', long: true }),
          L('罚款数额\n（万元）'),
          V(wanYuan(c.fine), { span: 2 }),
        ],
        560,
      ),
      row(
        [
          L('', { merge: 'continue' }),
          V('', { span: 2, merge: 'continue' }),
          L('没收违法所得\n（万元）'),
          V(wanYuan(c.confiscated), { span: 2 }),
        ],
        560,
      ),
      row(
        [
          L('其他处理内容'),
          V(
            `${box(c.otherMeasures.includes('列入经营异常名录'), '列入经营异常名录')}  ${box(c.otherMeasures.includes('另案处理'), '另案处理')}  ${box(c.otherMeasures.includes('约谈'), '约谈')}  ${box(c.otherMeasures.includes('其他'), '其他')}`,
            { span: 5, long: true },
          ),
        ],
        440,
      ),
      row(
        [
          L('案件移送\n公安机关'),
          V(`${box(c.transferredToPolice, '是')}      ${box(!c.transferredToPolice, '否')}`, { span: 2 }),
          L('移送时间'),
          V(c.transferredToPolice ? dateOr(c.policeTransferDate) : '', { span: 2 }),
        ],
        560,
      ),
      row(
        [
          L('通报情况'),
          V(`${box(!c.notifiedTo, '未通报')}  ${box(Boolean(c.notifiedTo), `通报部门：${c.notifiedTo ?? ''}`)}`, {
            span: 2,
            long: true,
          }),
          L('通报时间'),
          V(c.notifiedTo ? dateOr(c.notificationDate) : '', { span: 2 }),
        ],
        560,
      ),
      row(
        [
          L('案情摘要\n（线索核查情况；调查经过、违法事实、处理结果；产生的效果和社会影响等）'),
          V(c.summary ?? '（可附页）', { span: 5, long: true }),
        ],
        2400,
      ),
      row([L('是否已公开'), V(`${box(c.published, '是')}  ${box(!c.published, '否')}`, { span: 5 })], 440),
      row(
        [
          L('承办部门'),
          V(c.unitName, { span: 2 }),
          L('联系人（电话）'),
          V(c.contactName ? `${c.contactName}${c.contactPhone ? `（${c.contactPhone}）` : ''}` : '', { span: 2 }),
        ],
        560,
      ),
    ],
  });

  const mm = (x: number) => Math.round((x * 1440) / 25.4);
  return new Document({
    creator: 'RedShield 红盾',
    title: `典型案件报送信息表：${c.name}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(30), bottom: mm(25), left: mm(28), right: mm(26) },
          },
        },
        children: [
          new Paragraph({ children: [run('附件3', { font: FONTS.heiti, size: 16 })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [run('典型案件报送信息表', { font: FONTS.xiaobiaosong, size: 22 })],
          }),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              run(`填写时间：${chineseDate(filledOn)}`),
              run('            '),
              run(`办理状态：${box(!closed, '正在办理中')}  ${box(closed, '已办结')}`),
            ],
          }),
          table,
          new Paragraph({
            spacing: { before: 120 },
            children: [
              run(
                '说明：此表每月2日前报送，报送内容为上月办结的典型案件（不少于1个）及重要线索（不少于1条）。各部门办结的有重大影响的案件，可随时填写本表报送。',
                { size: 10.5 },
              ),
            ],
          }),
        ],
      },
    ],
  });
}

export const typicalCaseDocx = (c: TypicalCaseForm, filledOn: string) =>
  Packer.toBuffer(typicalCaseDocument(c, filledOn));
