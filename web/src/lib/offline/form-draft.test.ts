import { describe, expect, it } from 'vitest';
import { createDialogPath, draftFieldErrors, fieldName, narrowCached } from './form-draft';

describe('form drafts of queued records', () => {
  it('names nested fields as the form does', () => {
    expect(fieldName('followUp.deadline')).toEqual(['followUp', 'deadline']);
    expect(fieldName('seizures.2.quantity')).toEqual(['seizures', 2, 'quantity']);
  });

  it('puts the server refusals on their fields, one entry per field', () => {
    expect(
      draftFieldErrors([
        { path: 'quantity', message: '数量格式不正确' },
        { path: 'quantity', message: '数量不能为0' },
        { path: 'caseId', message: '案件不存在或不在您的权限范围内' },
        { message: '无法办理' },
        { path: '第 3 行', message: '行错误' },
      ]),
    ).toEqual([
      { name: ['quantity'], errors: ['数量格式不正确', '数量不能为0'] },
      { name: ['caseId'], errors: ['案件不存在或不在您的权限范围内'] },
    ]);
    expect(draftFieldErrors(undefined)).toEqual([]);
  });

  it('reopens the create dialog of a list', () => {
    expect(createDialogPath('/seized-goods')).toBe('/seized-goods?new=1');
  });

  it('narrows the last answer of a search picker to the words typed', () => {
    const items = [
      { name: '城桥镇农贸市场月饼摊', code: '92310230MA1' },
      { name: '堡镇超市', code: '91310230XY2' },
      { name: '城桥副食品店', code: '92310230QQ3' },
    ];
    const text = (i: (typeof items)[number]) => `${i.name} ${i.code}`;
    expect(narrowCached(items, '城桥', text).map((i) => i.code)).toEqual(['92310230MA1', '92310230QQ3']);
    expect(narrowCached(items, ' 城桥  月饼 ', text).map((i) => i.code)).toEqual(['92310230MA1']);
    expect(narrowCached(items, 'xy2', text).map((i) => i.code)).toEqual(['91310230XY2']);
    expect(narrowCached(items, '  ', text)).toHaveLength(3);
  });
});
