import { describe, expect, it } from 'vitest';
import { paragraphBlocks } from '../briefings/briefing-docx';
import { bulletinText, criticisedUnits, praisedUnits, type BulletinInput } from './bulletin-text';

const input = (over: Partial<BulletinInput> = {}): BulletinInput => ({
  organizerName: '上海市崇明区市场监督管理局',
  campaignName: '2026民生领域案件查办“铁拳”行动',
  round: {
    number: 1,
    title: '第一次督查',
    startDate: '2026-04-13',
    endDate: '2026-04-24',
    focus: '重点案件查办和台账管理',
  },
  groups: [
    {
      name: '第一督查组',
      leaderName: '沈建国',
      visits: [
        {
          unitName: '城桥市场监管所',
          visitDate: '2026-04-14',
          methodLabel: '全面检查',
          unannounced: false,
          summary: '案件台账规范，建立了线索分级研判机制',
        },
        {
          unitName: '堡镇市场监管所',
          visitDate: '2026-04-15',
          methodLabel: '随机专项督查',
          unannounced: true,
          summary: '台账基本规范',
        },
      ],
    },
    {
      name: '第二督查组',
      leaderName: '陆敏',
      visits: [
        {
          unitName: '新河市场监管所',
          visitDate: '2026-04-16',
          methodLabel: '重点抽查',
          unannounced: false,
          summary: null,
        },
      ],
    },
    { name: '第三督查组', leaderName: '顾伟', visits: [] },
  ],
  findings: [
    {
      unitName: '堡镇市场监管所',
      findings: 4,
      demanded: 3,
      closed: 1,
      open: 2,
      overdue: 1,
      returned: 1,
      problems: ['案件台账未按月更新。', '两起案件超过办案期限未申请延期', '线索登记不全', '执法记录仪使用不规范'],
    },
    {
      unitName: '新河市场监管所',
      findings: 1,
      demanded: 1,
      closed: 1,
      open: 0,
      overdue: 0,
      returned: 0,
      problems: ['快检记录缺少签名'],
    },
  ],
  caseReviews: [],
  ...over,
});

describe('bulletinText', () => {
  it('writes the round, the groups and their visits', () => {
    const { title, paragraphs } = bulletinText(input());
    expect(title).toBe('关于第一次督查情况的通报');
    expect(paragraphs[0]).toBe(
      '根据2026民生领域案件查办“铁拳”行动工作安排，2026年4月13日至2026年4月24日，上海市崇明区市场监督管理局组织开展了第一次督查。本轮督查重点是重点案件查办和台账管理。现将督查情况通报如下：',
    );
    expect(paragraphs).toContain(
      '本轮督查共组成二个督查组，采取全面检查、随机专项督查、重点抽查等方式，对城桥市场监管所、堡镇市场监管所、新河市场监管所等3个单位开展督查3次，其中暗访1次。',
    );
    expect(paragraphs).toContain(
      '（一）第一督查组（组长：沈建国）。2026年4月14日城桥市场监管所（全面检查）、2026年4月15日暗访堡镇市场监管所（随机专项督查）。',
    );
  });

  it('lists the main problems per unit, three at most, and where 整改 stands', () => {
    const { paragraphs } = bulletinText(input());
    expect(paragraphs).toContain(
      '（一）堡镇市场监管所。发现问题4个：1.案件台账未按月更新。2.两起案件超过办案期限未申请延期。3.线索登记不全。另有1个问题。',
    );
    expect(paragraphs).toContain('下发整改通知的4个问题中，已整改销号2个，正在整改2个，其中已超过整改期限1个。');
    expect(paragraphs).toContain('堡镇市场监管所：整改3个，已销号1个，未销号2个（逾期1个）。');
  });

  it('praises units visited without open 整改 and with a noted good practice, criticises overdue and returned ones', () => {
    expect(praisedUnits(input())).toEqual([
      { unitName: '城桥市场监管所', summary: '案件台账规范，建立了线索分级研判机制' },
    ]);
    expect(criticisedUnits(input()).map((u) => u.unitName)).toEqual(['堡镇市场监管所']);
    const { paragraphs } = bulletinText(input());
    expect(paragraphs).toContain(
      '（一）表扬。城桥市场监管所工作措施有力、成效明显，予以通报表扬。城桥市场监管所：案件台账规范，建立了线索分级研判机制。',
    );
    expect(paragraphs.find((p) => p.startsWith('（二）批评'))).toBe(
      '（二）批评。堡镇市场监管所整改落实不到位，堡镇市场监管所逾期未整改问题1个，整改报告被退回1次，予以通报批评，请于收到通报后立即整改到位，并将整改情况书面报送督查组。',
    );
    expect(paragraphs).toContain('五、下一步工作要求');
  });

  it('says so when nothing was visited or found', () => {
    const { paragraphs } = bulletinText(input({ groups: [], findings: [] }));
    expect(paragraphs).toContain('本轮督查尚未记录督查情况。');
    expect(paragraphs).toContain('本轮督查未发现需要通报的问题。');
    expect(paragraphs).toContain('本轮督查未下发整改通知。');
    expect(paragraphs).toContain('（一）表扬。本轮督查中暂无通报表扬的单位。');
    expect(paragraphs).toContain('（二）批评。各单位均能按期落实整改要求。');
  });

  it('adds the 案卷评查 results of an exercise of the round', () => {
    const { paragraphs } = bulletinText(
      input({
        caseReviews: [
          {
            title: '2026年第一季度执法办案质量评估',
            files: 6,
            units: [
              { unitName: '城桥市场监管所', average: 92.5, scored: 2, rank: 1 },
              { unitName: '堡镇市场监管所', average: 81, scored: 1, rank: 2 },
              { unitName: '新河市场监管所', average: null, scored: 0, rank: null },
            ],
            itemsLost: [
              { name: '调查取证', pointsLost: 9, filesLosing: 2 },
              { name: '文书制作', pointsLost: 3, filesLosing: 1 },
              { name: '执法主体', pointsLost: 0, filesLosing: 0 },
            ],
          },
        ],
      }),
    );
    const at = paragraphs.indexOf('五、案卷评查情况');
    expect(paragraphs.slice(at + 1, at + 3)).toEqual([
      '2026年第一季度执法办案质量评估共抽取案卷6卷，已评查3卷。各单位平均得分：城桥市场监管所92.5分，堡镇市场监管所81分。城桥市场监管所案卷质量较好。',
      '失分较多的项目是调查取证（2卷失分，共9分）、文书制作（1卷失分，共3分），各单位要对照评查意见逐卷整改。',
    ]);
    expect(paragraphs).toContain('六、下一步工作要求');
  });

  it('lays out as headings the way briefings are', () => {
    const blocks = paragraphBlocks(bulletinText(input()).paragraphs);
    expect(blocks[1]).toEqual({ kind: 'heading1', text: '一、督查基本情况' });
    expect(blocks[3]).toMatchObject({ kind: 'heading2', text: '（一）第一督查组（组长：沈建国）。' });
  });
});
