import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';

/**
 * Official documents laid out per GB/T 9704-2012 (党政机关公文格式): A4, top margin 37 mm, left
 * (binding) margin 28 mm, type area 156 × 225 mm, 22 lines of 28 characters in 3号仿宋; title in
 * 2号小标宋; headings 一、黑体 （一）楷体 1. 仿宋; red 版头 with a red rule; page numbers "— 1 —" in
 * 4号, right on odd pages and left on even ones; 版记 between rules at the end. Fonts are named,
 * not embedded: Word and LibreOffice substitute what the machine has.
 */
export const FONTS = {
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  xiaobiaosong: '方正小标宋简体',
  song: '宋体',
} as const;
const PT = { size2: 22, size3: 16, size4: 14 } as const;
/** 225 mm / 22 lines, in twips (1/20 pt). */
const LINE_TWIPS = Math.round((225 / 22 / 25.4) * 72 * 20);
const RED = 'FF0000';
/** Millimetres to twips, rounded (docx's own helper truncates 37 mm to 2097). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

export type Block =
  | { kind: 'heading1'; text: string } // 一、
  | { kind: 'heading2'; text: string; rest?: string } // （一） in 楷体, optionally followed by body text on the same line
  | { kind: 'heading3'; text: string; rest?: string } // 1. in 仿宋 bold
  | { kind: 'paragraph'; text: string }
  | { kind: 'blank' };

export interface OfficialDocument {
  /** 发文机关标志, e.g. "上海市崇明区市场监督管理局文件". */
  organMark: string;
  /** 发文字号, e.g. 沪崇市监执〔2021〕22号. */
  docNumber?: string | null;
  title: string;
  /** 主送机关. */
  recipients?: string | null;
  body: Block[];
  attachments?: string[];
  /**
   * 附件 printed after the 成文日期, each on a new page: "附件N" in 黑体 at the top left, its title
   * centred in 小标宋, then a table (the header row in 黑体). Its title is also listed in `attachments`.
   */
  annexTables?: AnnexTable[];
  /** 发文机关署名. */
  signature: string;
  /** 成文日期 YYYY-MM-DD. */
  date?: string | null;
  /** 版记. */
  copyTo?: string | null;
  printedBy?: string | null;
  printedDate?: string | null;
}

export interface AnnexTable {
  /** Its number in the 附件说明 (1-based). */
  number: number;
  title: string;
  header: string[];
  rows: string[][];
  /** Relative column widths (the type area's 156 mm shared in these proportions); equal when absent. */
  widths?: number[];
}

/** 一 二 … 九十九 for headings. */
export function chineseNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

/** 2021-05-14 → 2021年5月14日 (Arabic numerals, as GB/T 9704 asks). */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const run = (text: string, font: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size: size * 2, ...extra });
/** A run that starts with a tab character (<w:tab/>; a literal "\t" in the text is not one). */
const tabbedRun = (text: string, font: string, size: number) =>
  new TextRun({ children: [new Tab(), text], font: { eastAsia: font, ascii: font, hAnsi: font }, size: size * 2 });
/** Width of one character of 3号 type, in twips. */
const CHAR3 = PT.size3 * 20;

/** Printed width in characters: Chinese characters are one, Latin letters and digits half. */
export const textWidthChars = (text: string) =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/**
 * 发文机关标志: as large as fits on one line of the type area (156 mm), at most 2号×1.6; GB/T 9704
 * leaves the size to the issuer "以醒目、美观、庄重为原则".
 */
export function organMarkSize(mark: string): number {
  const typeAreaPt = (156 / 25.4) * 72;
  return Math.min(36, Math.floor((typeAreaPt - 8) / Math.max(1, [...mark].length)));
}

const line = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const body = (
  children: TextRun[],
  opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    children,
    spacing: line,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: PT.size3 * 2 * 20 },
  });
const blank = () => new Paragraph({ children: [], spacing: line });

function blockParagraph(b: Block): Paragraph {
  switch (b.kind) {
    case 'heading1':
      return body([run(b.text, FONTS.heiti, PT.size3)]);
    case 'heading2':
      return body([run(b.text, FONTS.kaiti, PT.size3), ...(b.rest ? [run(b.rest, FONTS.fangsong, PT.size3)] : [])]);
    case 'heading3':
      return body([
        run(b.text, FONTS.fangsong, PT.size3, { bold: true }),
        ...(b.rest ? [run(b.rest, FONTS.fangsong, PT.size3)] : []),
      ]);
    case 'paragraph':
      return body([run(b.text, FONTS.fangsong, PT.size3)]);
    case 'blank':
      return blank();
  }
}

const rule = (color: string, eighthsOfPoint: number) =>
  new Paragraph({
    children: [],
    spacing: { before: 0, after: 0, line: 240 },
    border: { bottom: { color, space: 1, style: BorderStyle.SINGLE, size: eighthsOfPoint } },
  });

const pageNumber = (align: 'right' | 'left') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: PT.size4 * 20 } : { left: PT.size4 * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONTS.song, hAnsi: FONTS.song, eastAsia: FONTS.song },
            size: PT.size4 * 2,
          }),
        ],
      }),
    ],
  });

/** Table cells in 小四 (12 pt): a table of the organs' names would not fit in 3号. */
const cellOf = (text: string, font: string, width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, font, 12)] })],
  });

/** An annex table on a page of its own (the table of a 附件, GB/T 9704 7.3.5.1: 附件 in 黑体 at the top left). */
function annexTable(a: AnnexTable, numbered: boolean): (Paragraph | Table)[] {
  const shares = a.widths ?? a.header.map(() => 1);
  const total = shares.reduce((x, y) => x + y, 0);
  const widths = shares.map((w) => Math.floor((mm(156) * w) / total));
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: line,
      children: [run(numbered ? `附件${a.number}` : '附件', FONTS.heiti, PT.size3)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: line,
      children: [run(a.title, FONTS.xiaobiaosong, PT.size2)],
    }),
    new Table({
      width: { size: mm(156), type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: a.header.map((h, i) => cellOf(h, FONTS.heiti, widths[i])) }),
        ...a.rows.map((r) => new TableRow({ children: r.map((c, i) => cellOf(c, FONTS.fangsong, widths[i])) })),
      ],
    }),
  ];
}

export function buildOfficialDocument(doc: OfficialDocument): Document {
  const children: (Paragraph | Table)[] = [];
  // 版头: organ mark in red, document number, red rule.
  children.push(
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: [run(doc.organMark, FONTS.xiaobiaosong, organMarkSize(doc.organMark), { color: RED })],
    }),
  );
  children.push(blank(), blank());
  if (doc.docNumber)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: line,
        children: [run(doc.docNumber, FONTS.fangsong, PT.size3)],
      }),
    );
  children.push(rule(RED, 12), blank());
  // 标题, 主送机关.
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE_TWIPS * 1.1), lineRule: LineRuleType.EXACT },
      children: [run(doc.title, FONTS.xiaobiaosong, PT.size2)],
    }),
    blank(),
  );
  if (doc.recipients)
    children.push(
      body([run(`${doc.recipients.replace(/[:：]$/, '')}：`, FONTS.fangsong, PT.size3)], { indent: false }),
    );
  children.push(...doc.body.map(blockParagraph));
  // 附件说明: one line below the body, two characters in; a long name wraps under its own first character.
  if (doc.attachments?.length) {
    children.push(blank());
    const many = doc.attachments.length > 1;
    // The names start 2 (indent) + 3 (附件：) + 1 (the number "1.") characters in.
    const nameStart = CHAR3 * (many ? 6 : 5);
    doc.attachments.forEach((a, i) => {
      const lead = i === 0 ? `附件：${many ? '1.' : ''}` : `${i + 1}.`;
      const leadStart = i === 0 ? CHAR3 * 2 : CHAR3 * 5;
      children.push(
        new Paragraph({
          spacing: line,
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: nameStart, hanging: nameStart - leadStart },
          tabStops: [{ type: TabStopType.LEFT, position: nameStart }],
          children: [run(lead, FONTS.fangsong, PT.size3), tabbedRun(a, FONTS.fangsong, PT.size3)],
        }),
      );
    });
  }
  // 落款 and 成文日期 without a seal (GB/T 9704 7.3.5.2): one line below, the organ 2 characters from
  // the right; the date below it starting 2 characters further right. When the date is the longer,
  // the date keeps 2 characters from the right and the organ moves left.
  children.push(blank());
  const sigWidth = textWidthChars(doc.signature);
  const dateText = doc.date ? chineseDate(doc.date) : '';
  const dateWidth = textWidthChars(dateText);
  const sigRight = Math.max(2, 2 + dateWidth + 2 - sigWidth);
  const dateRight = sigRight + sigWidth - 2 - dateWidth;
  const rightAligned = (text: string, rightChars: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR3) },
      spacing: line,
      children: [run(text, FONTS.fangsong, PT.size3)],
    });
  children.push(rightAligned(doc.signature, sigRight));
  if (dateText) children.push(rightAligned(dateText, dateRight));
  for (const annex of doc.annexTables ?? []) children.push(...annexTable(annex, (doc.attachments?.length ?? 0) > 1));
  // 版记.
  if (doc.printedBy || doc.copyTo) {
    children.push(blank(), rule('000000', 8));
    if (doc.copyTo)
      children.push(
        new Paragraph({
          spacing: line,
          indent: { left: PT.size4 * 20 },
          children: [run(`抄送：${doc.copyTo}。`, FONTS.fangsong, PT.size4)],
        }),
        rule('000000', 4),
      );
    const printed = [doc.printedBy ?? '', doc.printedDate ? `${chineseDate(doc.printedDate)}印发` : ''];
    children.push(
      new Paragraph({
        spacing: line,
        tabStops: [{ type: TabStopType.RIGHT, position: mm(156) - PT.size4 * 20 }],
        indent: { left: PT.size4 * 20 },
        children: [run(printed[0], FONTS.fangsong, PT.size4), tabbedRun(printed[1], FONTS.fangsong, PT.size4)],
      }),
      rule('000000', 8),
    );
  }

  return new Document({
    creator: 'RedShield 红盾',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: FONTS.fangsong, ascii: FONTS.fangsong, hAnsi: FONTS.fangsong }, size: PT.size3 * 2 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(297 - 37 - 225),
              left: mm(28),
              right: mm(210 - 28 - 156),
              // 页码 sits 7 mm below the type area: its baseline about 23 mm above the page edge.
              footer: mm(23),
            },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
}

export const officialDocumentBuffer = (doc: OfficialDocument) => Packer.toBuffer(buildOfficialDocument(doc));
