import { describe, expect, it } from 'vitest';
import { defaultTaskId, type TaskForDefault } from './task-default';

const city = '/city/';
const district = '/city/cm/';
const dept = '/city/cm/food/';
const station = '/city/cm/cq/';

const tasks: TaskForDefault[] = [
  { id: 't-food-2', seq: 2, categoryCode: 'food', unitPaths: [station] },
  { id: 't-food-1', seq: 1, categoryCode: 'food', unitPaths: [dept] },
  { id: 't-gas', seq: 3, categoryCode: 'gas', unitPaths: [district] },
  { id: 't-drug', seq: 4, categoryCode: 'drug', unitPaths: [city] },
  { id: 't-drug-b', seq: 5, categoryCode: 'drug', unitPaths: [dept] },
];

describe('the default task of a record', () => {
  it('takes the task of its category whose units include the record unit', () => {
    expect(defaultTaskId(tasks, { categoryCode: 'food', unitPath: station })).toBe('t-food-2');
    expect(defaultTaskId(tasks, { categoryCode: 'food', unitPath: dept })).toBe('t-food-1');
  });

  it('takes a task whose unit is above the record unit', () => {
    expect(defaultTaskId(tasks, { categoryCode: 'gas', unitPath: station })).toBe('t-gas');
  });

  it('prefers the lowest-numbered task when several serve the unit', () => {
    expect(defaultTaskId(tasks, { categoryCode: 'drug', unitPath: '/city/cm/food/x/' })).toBe('t-drug');
  });

  it('falls back to the only task of the category, else none', () => {
    expect(defaultTaskId(tasks, { categoryCode: 'gas', unitPath: '/other/' })).toBe('t-gas');
    // two food tasks, neither naming the unit: no default
    expect(defaultTaskId(tasks, { categoryCode: 'food', unitPath: '/city/cm/zz/' })).toBeNull();
    expect(defaultTaskId(tasks, { categoryCode: 'elevator', unitPath: station })).toBeNull();
    expect(defaultTaskId([], { categoryCode: 'food', unitPath: station })).toBeNull();
  });

  it('without a category takes the only task naming the unit or above it', () => {
    expect(defaultTaskId(tasks, { categoryCode: null, unitPath: '/city/cm/cq/' })).toBeNull(); // station, district, city
    expect(defaultTaskId([tasks[2]], { categoryCode: null, unitPath: station })).toBe('t-gas');
    expect(defaultTaskId([tasks[0]], { categoryCode: null, unitPath: dept })).toBeNull();
  });
});
