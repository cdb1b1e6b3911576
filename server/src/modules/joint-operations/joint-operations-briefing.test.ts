import { describe, expect, it } from 'vitest';
import { shortNames } from './joint-operations-briefing';

describe('the departments as a summary names them', () => {
  it('puts them in the authorities’ order, short, each once, without 其他部门', () => {
    expect(shortNames(['health', 'other', 'police', 'agriculture'])).toEqual(['公安', '农业农村', '卫健']);
    expect(shortNames(['other'])).toEqual([]);
  });
});
