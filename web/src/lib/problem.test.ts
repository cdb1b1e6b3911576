import { describe, expect, it } from 'vitest';
import type { Problem } from '@redshield/api-client';
import { ApiError, unwrap } from './api';
import { applyProblemToForm, problemToFieldErrors, toFieldPath, type FieldErrors, type FormLike } from './problem';

const problem = (errors: Problem['errors'], detail = '请求有误'): Problem => ({
  type: 'about:blank',
  title: '请求有误',
  status: 400,
  detail,
  errors,
});

function fakeForm(values: Record<string, unknown>) {
  const set: FieldErrors[][] = [];
  const form: FormLike = { getFieldsValue: () => values, setFields: (fields) => set.push(fields) };
  return { form, set, values };
}

describe('toFieldPath', () => {
  it('splits dotted paths and turns indexes into numbers', () => {
    expect(toFieldPath('name')).toEqual(['name']);
    expect(toFieldPath('members.0.name')).toEqual(['members', 0, 'name']);
    expect(toFieldPath('')).toEqual([]);
  });
});

describe('problemToFieldErrors', () => {
  it('maps errors onto the form fields they name and groups them per field', () => {
    const p = problem([
      { path: 'code', message: '单位代码已存在' },
      { path: 'name', message: '不能为空' },
      { path: 'code', message: '只能包含字母和数字' },
    ]);
    const { fields, other } = problemToFieldErrors(p, [['name'], ['code'], ['kind']]);
    expect(fields).toEqual([
      { name: ['code'], errors: ['单位代码已存在', '只能包含字母和数字'] },
      { name: ['name'], errors: ['不能为空'] },
    ]);
    expect(other).toEqual([]);
  });

  it('puts an error on a sub-path onto its field', () => {
    const { fields } = problemToFieldErrors(problem([{ path: 'roles.0', message: '无效的角色' }]), [['roles']]);
    expect(fields).toEqual([{ name: ['roles'], errors: ['无效的角色'] }]);
  });

  it('keeps errors that name no field of the form, with their row and column', () => {
    const p = problem([
      { path: 'parentId', message: '上级单位已停用' },
      { row: 3, column: '单位名称', message: '不能为空' },
      { message: '其他错误' },
    ]);
    const { fields, other } = problemToFieldErrors(p, [['name']]);
    expect(fields).toEqual([]);
    expect(other).toEqual(['parentId：上级单位已停用', '第 3 行 单位名称：不能为空', '其他错误']);
  });

  it('handles a problem without errors', () => {
    expect(problemToFieldErrors(problem(undefined), [['name']])).toEqual({ fields: [], other: [] });
    expect(problemToFieldErrors(undefined, [['name']])).toEqual({ fields: [], other: [] });
  });
});

describe('applyProblemToForm', () => {
  it('sets the field errors, leaves the typed values alone and returns their messages', () => {
    const { form, set, values } = fakeForm({ name: '新河市场监管所', code: 'CM-XHS' });
    const error = new ApiError(
      400,
      problem([{ path: 'code', message: '单位代码“CM-XHS”已存在' }], 'code：单位代码“CM-XHS”已存在'),
    );
    // The field's own message, not the detail with the API's field name in front.
    expect(applyProblemToForm(form, error)).toBe('单位代码“CM-XHS”已存在');
    expect(set).toEqual([[{ name: ['code'], errors: ['单位代码“CM-XHS”已存在'] }]]);
    expect(values).toEqual({ name: '新河市场监管所', code: 'CM-XHS' });
  });

  it('adds the errors that name no field of the form to the message', () => {
    const { form, set } = fakeForm({ name: 'x' });
    const error = new ApiError(
      400,
      problem([
        { path: 'name', message: '不能为空' },
        { path: 'parentId', message: '上级单位已停用' },
      ]),
    );
    expect(applyProblemToForm(form, error)).toBe('不能为空；parentId：上级单位已停用');
    expect(set).toEqual([[{ name: ['name'], errors: ['不能为空'] }]]);
  });

  it('does not touch the form when no error names one of its fields', () => {
    const { form, set } = fakeForm({ name: 'x' });
    expect(applyProblemToForm(form, new ApiError(409, problem(undefined, '该单位已被他人修改')))).toBe(
      '该单位已被他人修改',
    );
    expect(set).toEqual([]);
  });

  it('accepts extra field names the form does not report', () => {
    const { form, set } = fakeForm({});
    applyProblemToForm(form, new ApiError(400, problem([{ path: 'divisionCode', message: '无效' }])), [
      ['divisionCode'],
    ]);
    expect(set).toEqual([[{ name: ['divisionCode'], errors: ['无效'] }]]);
  });

  it('returns null for errors that are not API problems', () => {
    const { form } = fakeForm({ name: 'x' });
    expect(applyProblemToForm(form, new TypeError('Failed to fetch'))).toBeNull();
    expect(applyProblemToForm(form, new ApiError(502, undefined))).toBeNull();
  });
});

describe('unwrap', () => {
  it('returns the data of a 2xx answer', () => {
    expect(unwrap({ data: { items: [] }, response: new Response(null, { status: 200 }) })).toEqual({ items: [] });
  });

  it('throws ApiError with the problem of an error answer', () => {
    const p = problem([], '请先登录');
    const run = () => unwrap({ error: { ...p, status: 401 }, response: new Response(null, { status: 401 }) });
    expect(run).toThrow(ApiError);
    expect(run).toThrow('请先登录');
    try {
      run();
    } catch (e) {
      expect((e as ApiError).status).toBe(401);
      expect((e as ApiError).problem?.detail).toBe('请先登录');
    }
  });

  it('throws ApiError without a problem when the body is not problem+json', () => {
    try {
      unwrap({ error: 'Bad Gateway', response: new Response(null, { status: 502 }) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).problem).toBeUndefined();
    }
  });
});
