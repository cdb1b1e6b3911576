import { describe, expect, it } from 'vitest';
import {
  draftFromCase,
  findPersonalData,
  partyDisplayName,
  personalDataMessage,
  redactText,
  surnameMask,
} from './redaction';

describe('findPersonalData', () => {
  it('finds 18- and 15-digit ID numbers, with or without the check character X', () => {
    const hits = findPersonalData('身份证310230198801011234，另一人31023019880101123X，旧证310230880101123。', []);
    expect(hits.map((h) => [h.kind, h.text])).toEqual([
      ['id_number', '310230198801011234'],
      ['id_number', '31023019880101123X'],
      ['id_number', '310230880101123'],
    ]);
    expect(hits[0].masked).toBe('310****1234');
  });

  it('finds mobile numbers written with spaces or dashes, and landlines', () => {
    const hits = findPersonalData(
      '电话13800000000、139 1234 5678、186-1234-5678，座机021-69611021，（021）69611022',
      [],
    );
    expect(hits.map((h) => h.kind)).toEqual(['mobile', 'mobile', 'mobile', 'landline', 'landline']);
    expect(hits[0].masked).toBe('138****0000');
  });

  it('does not take amounts, dates, case numbers or a 12-digit mobile-like run for personal data', () => {
    expect(
      findPersonalData('2026年3月5日罚款120000.00元，沪市监崇处〔2026〕001号，编号2026-03-05，代码123456789012。', []),
    ).toEqual([]);
  });

  it('finds known names (at least two characters) wherever they stand, and no surname-only form', () => {
    const hits = findPersonalData('当事人张三丰经营，联系人李四。张某已改正。', ['张三丰', '李四', '王', null, ' ']);
    expect(hits.map((h) => [h.kind, h.text, h.masked])).toEqual([
      ['name', '张三丰', '张**'],
      ['name', '李四', '李*'],
    ]);
  });

  it('writes the message the API answers, naming the field', () => {
    const [hit] = findPersonalData('13800000000', []);
    expect(personalDataMessage('正文', hit)).toBe('正文含有手机号码“138****0000”，请删去');
    const [name] = findPersonalData('欧阳小明', ['欧阳小明']);
    expect(personalDataMessage('标题', name)).toBe('标题含有个人姓名“欧阳**”，请删去或改为“欧阳某”');
  });
});

describe('redaction of a draft', () => {
  it('masks a natural person as surname + 某 and keeps a penalised company by name', () => {
    expect(surnameMask('张三')).toBe('张某');
    expect(
      partyDisplayName({ partyKind: 'person', partyName: '张三', penalized: true, decisionDate: '2026-01-02' }),
    ).toBe('张某');
    expect(
      partyDisplayName({ partyKind: 'company', partyName: '上海某商行', penalized: true, decisionDate: '2026-01-02' }),
    ).toBe('上海某商行');
    expect(
      partyDisplayName({ partyKind: 'company', partyName: '上海某商行', penalized: false, decisionDate: '2026-01-02' }),
    ).toBe('某企业');
  });

  it('removes numbers and replaces names in any text', () => {
    expect(redactText('李四（13912345678）称', new Map([['李四', '李某']]))).toBe('李某（（略））称');
  });

  it('draftFromCase leaves no personal data: party, contact, officials, complainants, numbers', () => {
    const names = ['黄志强', '陈建华', '莫涛'];
    const draft = draftFromCase({
      name: '张三丰销售过期食品案',
      partyKind: 'person',
      partyName: '张三丰',
      decisionDate: '2026-03-05',
      penalized: true,
      penaltyContent: '没收违法所得860元，罚款20000元。',
      summary:
        '张三丰（身份证310230198801011234，电话13800000000）销售过期食品，经消费者陈建华投诉，执法人员莫涛查实。',
      unitName: '崇明区市场监管局执法大队',
      personalNames: names,
    });
    expect(draft.partyDisplayName).toBe('张某');
    expect(draft.title).toBe('张某销售过期食品案');
    expect(draft.body).toContain('张某（身份证（略），电话（略））销售过期食品，经消费者陈某投诉，执法人员莫某查实。');
    expect(draft.body).toContain(
      '2026年3月5日，崇明区市场监管局执法大队依法对张某作出行政处罚：没收违法所得860元，罚款20000元。',
    );
    for (const text of [draft.title, draft.body, draft.partyDisplayName])
      expect(findPersonalData(text, ['张三丰', ...names])).toEqual([]);
  });

  it('hides a company not penalised behind 某企业 in the text too', () => {
    const draft = draftFromCase({
      name: '某商行销售不合格化肥案',
      partyKind: 'company',
      partyName: '崇明某农资经营部',
      decisionDate: '2026-03-05',
      penalized: false,
      penaltyContent: null,
      summary: '崇明某农资经营部销售不合格化肥。',
      unitName: '崇明区局',
      personalNames: [],
    });
    expect(draft.body).toContain('【基本案情】某企业销售不合格化肥。');
    expect(draft.body).not.toContain('崇明某农资经营部');
  });
});
