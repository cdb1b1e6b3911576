import { describe, expect, it } from 'vitest';
import { jointOperationBody } from './joint-operation-form';

describe('the joint operation form’s body', () => {
  it('sends an action’s figures (blank as 0) and no meeting texts', () => {
    const body = jointOperationBody({
      kind: 'joint_action',
      title: ' 农资联合检查 ',
      departments: ['police', 'agriculture'],
      staffDeployed: 12,
      entitiesInspected: null,
      attendees: '不应发送',
      content: '检查',
      location: '  ',
    });
    expect(body).toMatchObject({
      title: '农资联合检查',
      staffDeployed: 12,
      entitiesInspected: 0,
      attendees: null,
      location: null,
      leadDepartment: 'self',
    });
  });

  it('sends a meeting’s attendees and decisions and zero figures', () => {
    const body = jointOperationBody({
      kind: 'joint_meeting',
      departments: ['procuratorate'],
      staffDeployed: 5,
      attendees: '区检察院',
      decisions: '每季度通报',
    });
    expect(body).toMatchObject({ staffDeployed: 0, attendees: '区检察院', decisions: '每季度通报' });
  });
});
