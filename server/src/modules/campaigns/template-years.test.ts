import { describe, expect, it } from 'vitest';
import { shiftYears, yearShifter } from './template-years';

describe('moving a template to another year', () => {
  it('moves dates by whole years; 29 February becomes 28 February in a common year', () => {
    expect(shiftYears('2021-12-15', 5)).toBe('2026-12-15');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2016-12-01', 0)).toBe('2016-12-01');
  });

  it('moves the years of a schedule note with its dates (seed 004: 12月15日前报送2021年工作总结报告)', () => {
    const to2026 = yearShifter(2021, 2026);
    expect(to2026.date('2021-12-15')).toBe('2026-12-15');
    expect(to2026.prose('报送2021年工作总结报告，总结有效做法和成功经验，提出2022年重点案件查办建议。')).toBe(
      '报送2026年工作总结报告，总结有效做法和成功经验，提出2027年重点案件查办建议。',
    );
    expect(to2026.prose('区局成立2021民生领域案件查办“铁拳”行动领导小组；汇总2021年以来办结的相关案件')).toBe(
      '区局成立2026民生领域案件查办“铁拳”行动领导小组；汇总2026年以来办结的相关案件',
    );
  });

  it('leaves in running text the documents it cites and numbers that are not years', () => {
    const to2026 = yearShifter(2021, 2026);
    const cited =
      '根据《市场监管总局关于印发〈2021民生领域案件查办“铁拳”行动方案〉的通知》（国市监稽发〔2021〕22号）要求，2021年开展';
    expect(to2026.prose(cited)).toBe(
      '根据《市场监管总局关于印发〈2021民生领域案件查办“铁拳”行动方案〉的通知》（国市监稽发〔2021〕22号）要求，2026年开展',
    );
    expect(to2026.prose('12315投诉举报中心，联系电话：69611097，罚款2000元，1月9日至13日')).toBe(
      '12315投诉举报中心，联系电话：69611097，罚款2000元，1月9日至13日',
    );
  });

  it('moves every year of the plan’s own name, 文号 and annexes, including the year before the base (a winter campaign)', () => {
    const to2026 = yearShifter(2021, 2026);
    expect(to2026.title('沪崇市监执〔2021〕22号')).toBe('沪崇市监执〔2026〕22号');
    expect(yearShifter(2019, 2026).title('开展假冒伪劣重点领域治理工作实施方案（2019-2021年）')).toBe(
      '开展假冒伪劣重点领域治理工作实施方案（2026-2028年）',
    );
    const winter = yearShifter(2017, 2026);
    expect(winter.prose('于2016年12月27日、2017年1月17日报阶段工作小结')).toBe(
      '于2025年12月27日、2026年1月17日报阶段工作小结',
    );
    expect(winter.date('2016-12-27')).toBe('2025-12-27');
  });

  it('changes nothing for the template’s own year', () => {
    const same = yearShifter(2021, 2021);
    expect(same.years).toBe(0);
    expect(same.prose('报送2021年工作总结报告')).toBe('报送2021年工作总结报告');
  });
});
