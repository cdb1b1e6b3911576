import { describe, expect, it } from 'vitest';
import { jointOperationsSentence, type BriefingJointOperations } from './briefing-text';

const none: BriefingJointOperations = {
  actions: 0,
  staffDeployed: 0,
  entitiesInspected: 0,
  problemsFound: 0,
  casesFiled: 0,
  actionDepartments: [],
  meetings: 0,
  meetingDepartments: [],
};

describe('the joint operations in a briefing', () => {
  it('writes actions with their figures and meetings as seed 002 does', () => {
    expect(
      jointOperationsSentence({
        ...none,
        actions: 2,
        staffDeployed: 86,
        entitiesInspected: 120,
        casesFiled: 3,
        actionDepartments: ['公安', '卫健'],
        meetings: 1,
        meetingDepartments: ['公安', '检察院'],
      }),
    ).toBe(
      '会同公安、卫健等部门开展联合执法行动2次，出动执法人员86人次，检查经营主体120户次，立案查处3起；与公安、检察院等部门召开联席会议1次。',
    );
  });

  it('says 有关部门 when only 其他部门 took part, and nothing when there was none', () => {
    expect(jointOperationsSentence({ ...none, meetings: 2 })).toBe('与有关部门召开联席会议2次。');
    expect(jointOperationsSentence({ ...none, actions: 1 })).toBe('会同有关部门开展联合执法行动1次。');
    expect(jointOperationsSentence(none)).toBeNull();
  });
});
