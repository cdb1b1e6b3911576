import { describe, expect, it } from 'vitest';
import { paragraphBlocks } from './briefing-docx';
import {
  briefingText,
  campaignShortName,
  narrativeParagraphs,
  typicalCaseParagraph,
  selectedTypicalParagraphs,
  wan2,
  wan2Sum,
  type BriefingFigures,
  type BriefingInput,
  type BriefingTypicalCase,
} from './briefing-text';

const figures = (f: Partial<BriefingFigures> = {}): BriefingFigures => ({
  staffDeployed: 0,
  entitiesInspected: 0,
  casesFiled: 0,
  casesClosed: 0,
  amountInvolved: '0.00',
  finesAndConfiscations: '0.00',
  lossesRecovered: '0.00',
  transferredToJudiciary: 0,
  onlineCases: 0,
  ruralCases: 0,
  ...f,
});

const typical = (c: Partial<BriefingTypicalCase> = {}): BriefingTypicalCase => ({
  name: '崇明某食品店销售过期食品案',
  partyName: '上海崇明某食品商店',
  unitName: '城桥市场监管所',
  filingDate: '2026-04-03',
  stage: 'closed',
  penalized: true,
  decisionDate: '2026-04-20',
  fine: '20000.00',
  confiscated: '860.00',
  summary: '当事人销售超过保质期的预包装食品12件',
  transferredToJudiciary: false,
  transferredToPolice: false,
  ...c,
});

const input = (over: Partial<BriefingInput> = {}): BriefingInput => ({
  kind: 'briefing',
  campaignName: '2026民生领域案件查办“铁拳”行动',
  unitName: '上海市崇明区市场监督管理局',
  from: '2026-04-01',
  to: '2026-04-30',
  total: figures({
    staffDeployed: 70,
    entitiesInspected: 210,
    casesFiled: 3,
    casesClosed: 1,
    amountInvolved: '67800.50',
    finesAndConfiscations: '155360.00',
    lossesRecovered: '1200.00',
    transferredToJudiciary: 1,
    onlineCases: 1,
    ruralCases: 2,
  }),
  categories: [
    {
      label: '食品安全违法',
      values: figures({
        casesFiled: 2,
        amountInvolved: '11800.50',
        finesAndConfiscations: '35860.00',
        onlineCases: 0,
        ruralCases: 1,
      }),
    },
    { label: '产品质量违法', values: figures() },
    {
      label: '知识产权违法',
      values: figures({
        casesFiled: 1,
        amountInvolved: '56000.00',
        finesAndConfiscations: '119500.00',
        transferredToJudiciary: 1,
        onlineCases: 1,
        ruralCases: 1,
      }),
    },
  ],
  unlicensedBanned: 2,
  seizures: [
    { goods: '假冒白酒', quantity: '120.000', unit: '瓶' },
    { goods: '过期食品', quantity: '35.500', unit: '公斤' },
  ],
  typicalCases: [typical()],
  narratives: [],
  ...over,
});

describe('万元 from 元 text', () => {
  it('rounds half up on the exact amount in fen, never through a float sum', () => {
    expect(wan2('0.00')).toBe('0.00');
    expect(wan2('49.99')).toBe('0.00');
    expect(wan2('50.00')).toBe('0.01');
    expect(wan2('155360.00')).toBe('15.54');
    expect(wan2('67800.50')).toBe('6.78');
    expect(wan2('12345678901.49')).toBe('1234567.89');
    // 0.1 + 0.2 in floats is 0.30000000000000004; in fen it is 30, and 万元 sums stay exact.
    expect(wan2Sum('0.10', '0.20', '4999.70')).toBe('0.50');
    expect(wan2Sum('20000.00', '860.00')).toBe('2.09');
  });

  it('prints sums beyond 2^53 fen (more digits than one case may have) exactly, not as 0 or a rounded double', () => {
    // 2^53 + 1 fen: the 合计 of ten cases near the per-case maximum is of this size.
    expect(wan2('90071992547409.93')).toBe('9007199254.74');
    expect(wan2('99999999999999999.99')).toBe('10000000000000.00');
    expect(wan2('12345678901234567.89')).toBe('1234567890123.46');
    expect(wan2Sum('9999999999999.99', '9999999999999.99', '70071992547410.00')).toBe('9007199254.74');
    const { paragraphs } = briefingText(
      input({
        total: { ...input().total, amountInvolved: '90071992547409.93', finesAndConfiscations: '90071992547409.94' },
      }),
    );
    expect(paragraphs.join('')).toContain('案值9007199254.74万元，罚没款9007199254.74万元');
  });
});

describe('the draft text (briefingText)', () => {
  it('writes the figures into sentences, one clause per category with cases, then the typical cases', () => {
    const { title, paragraphs } = briefingText(input());
    expect(title).toBe('2026民生领域案件查办“铁拳”行动工作进展情况');
    expect(paragraphs).toEqual([
      '现将上海市崇明区市场监督管理局2026年4月1日至2026年4月30日开展2026民生领域案件查办“铁拳”行动的工作进展情况通报如下。',
      '一、总体情况',
      '自2026年4月1日至2026年4月30日，上海市崇明区市场监督管理局共出动执法人员70人次，检查经营户210户次，查处各类违法案件3起，办结1起，案值6.78万元，罚没款15.54万元，移送司法机关案件1起，为消费者挽回经济损失0.12万元，取缔无照经营2户。查扣假冒白酒120瓶、过期食品35.5公斤。',
      '其中，食品安全违法案件2起，案值1.18万元，罚没款3.59万元；知识产权违法案件1起，案值5.60万元，罚没款11.95万元，移送司法机关1起。查处互联网案件1起、农村市场案件2起。',
      '二、典型案例',
      '（一）崇明某食品店销售过期食品案。2026年4月3日，城桥市场监管所对上海崇明某食品商店立案调查。当事人销售超过保质期的预包装食品12件。2026年4月20日，依法对当事人作出行政处罚，罚没款2.09万元。案件已办结。',
    ]);
  });

  it('says plainly when the period has no cases, and leaves out the empty categories', () => {
    const { paragraphs } = briefingText(
      input({
        total: figures({ staffDeployed: 12, entitiesInspected: 40 }),
        categories: [{ label: '食品安全违法', values: figures() }],
        unlicensedBanned: 0,
        seizures: [],
        typicalCases: [],
        narratives: [],
      }),
    );
    expect(paragraphs).toEqual([
      '现将上海市崇明区市场监督管理局2026年4月1日至2026年4月30日开展2026民生领域案件查办“铁拳”行动的工作进展情况通报如下。',
      '一、总体情况',
      '自2026年4月1日至2026年4月30日，上海市崇明区市场监督管理局共出动执法人员12人次，检查经营户40户次。期间未立案查处违法案件。',
      '二、典型案例',
      '本期暂无典型案例。',
    ]);
  });

  it('counts cases closed in a period without filings, and leaves zero losses out', () => {
    const { paragraphs } = briefingText(
      input({
        total: figures({ staffDeployed: 5, entitiesInspected: 9, casesClosed: 2 }),
        categories: [],
        unlicensedBanned: 0,
        seizures: [],
        typicalCases: [],
        narratives: [],
      }),
    );
    expect(paragraphs[2]).toBe(
      '自2026年4月1日至2026年4月30日，上海市崇明区市场监督管理局共出动执法人员5人次，检查经营户9户次。期间未立案查处违法案件，办结此前立案的案件2起。',
    );
  });

  it('gives a summary its own title, opening and the sections the office writes (经验做法、存在问题、下步打算)', () => {
    const stage = briefingText(input({ kind: 'stage_summary', typicalCases: [] }));
    expect(stage.title).toBe('2026民生领域案件查办“铁拳”行动阶段性工作总结');
    expect(stage.paragraphs[0]).toBe(
      '按照2026民生领域案件查办“铁拳”行动的统一部署，上海市崇明区市场监督管理局认真组织实施，各项工作有序推进。现将2026年4月1日至2026年4月30日工作情况总结如下。',
    );
    expect(stage.paragraphs.slice(-6)).toEqual([
      '三、经验做法',
      '（请填写本阶段的主要经验做法。）',
      '四、存在问题',
      '（请填写工作中存在的问题。）',
      '五、下步打算',
      '（请填写下一步工作打算。）',
    ]);
    expect(briefingText(input({ kind: 'final_summary' })).title).toBe('2026民生领域案件查办“铁拳”行动工作总结');
  });

  it('writes a typical case still under way, or transferred, as such', () => {
    expect(
      typicalCaseParagraph(
        typical({
          stage: 'investigation',
          penalized: false,
          decisionDate: null,
          fine: '0.00',
          confiscated: '0.00',
          summary: null,
          transferredToPolice: true,
        }),
        1,
      ),
    ).toBe(
      '（二）崇明某食品店销售过期食品案。2026年4月3日，城桥市场监管所对上海崇明某食品商店立案调查。案件已移送公安机关。案件正在办理中。',
    );
    expect(
      typicalCaseParagraph(
        typical({ summary: '当事人销售假冒白酒。', transferredToJudiciary: true, decisionDate: null }),
        0,
      ),
    ).toBe(
      '（一）崇明某食品店销售过期食品案。2026年4月3日，城桥市场监管所对上海崇明某食品商店立案调查。当事人销售假冒白酒。依法对当事人作出行政处罚，罚没款2.09万元。案件已移送司法机关。案件已办结。',
    );
  });
});

describe('what the units wrote in their reports', () => {
  const narratives = [
    {
      unitLabel: '执法大队',
      practices: '联合公安开展夜查。\n建立线索快转机制',
      problems: '',
      nextSteps: '加强农村市场检查。',
    },
    { unitLabel: '城桥市场监管所', practices: '', problems: '', nextSteps: '' },
    { unitLabel: '新河市场监管所', practices: '', problems: '人手不足。', nextSteps: '' },
  ];

  it('quotes each unit’s non-empty parts under its label in a 简报, and leaves out a unit that wrote nothing', () => {
    const { paragraphs } = briefingText(input({ narratives }));
    expect(paragraphs.slice(paragraphs.indexOf('三、各单位工作情况'))).toEqual([
      '三、各单位工作情况',
      '（一）执法大队',
      '经验做法：联合公安开展夜查。建立线索快转机制',
      '下步打算：加强农村市场检查。',
      '（二）新河市场监管所',
      '存在问题：人手不足。',
    ]);
    expect(briefingText(input()).paragraphs).not.toContain('三、各单位工作情况');
  });

  it('fills a summary’s sections with the units’ text, keeping the hint where nobody wrote one', () => {
    const { paragraphs } = briefingText(input({ kind: 'final_summary', narratives }));
    expect(paragraphs.slice(paragraphs.indexOf('三、经验做法'))).toEqual([
      '三、经验做法',
      '（一）执法大队。联合公安开展夜查。建立线索快转机制。',
      '四、存在问题',
      '（一）新河市场监管所。人手不足。',
      '五、下步打算',
      '（一）执法大队。加强农村市场检查。',
    ]);
    expect(narrativeParagraphs([{ unitLabel: '某所', practices: ' \n ', problems: '', nextSteps: '' }])).toEqual([]);
  });
});

describe('the document', () => {
  it('names the masthead after the campaign', () => {
    expect(campaignShortName('2026民生领域案件查办“铁拳”行动')).toBe('“铁拳”行动');
    expect(campaignShortName('红盾执法专项行动方案')).toBe('红盾执法专项行动');
    expect(campaignShortName('元旦春节打假专项实施方案')).toBe('元旦春节打假专项');
  });

  it('keeps the text of every paragraph and styles 一、 and （一） as headings', () => {
    expect(paragraphBlocks(['一、总体情况', '（一）某案。当事人……', '（二）只有标题', '正文。', ' '])).toEqual([
      { kind: 'heading1', text: '一、总体情况' },
      { kind: 'heading2', text: '（一）某案。', rest: '当事人……' },
      { kind: 'heading2', text: '（二）只有标题', rest: undefined },
      { kind: 'paragraph', text: '正文。' },
      { kind: 'blank' },
    ]);
  });
});

describe('the selection, 表彰 and 问责', () => {
  it('quotes the selected cases by category, numbering the cases on through the categories', () => {
    const p = selectedTypicalParagraphs([
      { label: '食品安全违法', cases: [typical({ name: '甲案' })] },
      { label: '知识产权违法', cases: [] },
      { label: '虚假广告', cases: [typical({ name: '乙案' })] },
    ]);
    expect(p[0]).toBe('1. 食品安全违法（1件）');
    expect(p[1]).toMatch(/^（一）甲案。/);
    expect(p[2]).toBe('2. 虚假广告（1件）');
    expect(p[3]).toMatch(/^（二）乙案。/);
  });

  it('writes a 工作总结 with its 表彰情况 and 问责情况, and says so when there is none', () => {
    const text = briefingText(
      input({
        kind: 'final_summary',
        recognition: {
          commendations: [
            {
              kindLabel: '办案能手',
              unitName: '城桥所',
              personLabel: '张三',
              reason: '办案规范',
              documentNumber: '崇市监〔2026〕1号',
            },
          ],
          accountability: [],
        },
      }),
    );
    expect(text.paragraphs).toContain('六、表彰情况');
    expect(text.paragraphs).toContain('（一）办案能手：城桥所张三。办案规范。（崇市监〔2026〕1号）');
    expect(text.paragraphs).toContain('本次行动未实行问责。');
    const stage = briefingText(
      input({ kind: 'stage_summary', recognition: { commendations: [], accountability: [] } }),
    );
    expect(stage.paragraphs).not.toContain('六、表彰情况');
  });
});
