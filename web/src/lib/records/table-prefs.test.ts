import { describe, expect, it } from 'vitest';
import { defaultPrefs, readPrefs, shownColumns, toggleColumn } from './table-prefs';

const columns = [
  { key: 'number', locked: true },
  { key: 'name', locked: true },
  { key: 'party' },
  { key: 'fines', defaultHidden: true },
];

describe('table preferences', () => {
  it('starts with the secondary columns hidden and the default density', () => {
    expect(defaultPrefs(columns)).toEqual({ hidden: ['fines'], density: 'large' });
    expect(readPrefs(null, columns)).toEqual({ hidden: ['fines'], density: 'large' });
    expect(shownColumns(columns, defaultPrefs(columns)).map((c) => c.key)).toEqual(['number', 'name', 'party']);
  });

  it('reads a stored value, keeping key columns shown and dropping unknown keys', () => {
    expect(readPrefs({ hidden: ['party', 'number', 'gone', 3], density: 'small' }, columns)).toEqual({
      hidden: ['party'],
      density: 'small',
    });
    expect(readPrefs({ hidden: 'x', density: 'huge' }, columns)).toEqual({ hidden: ['fines'], density: 'large' });
  });

  it('shows and hides one column, never a key column', () => {
    const prefs = defaultPrefs(columns);
    const shown = toggleColumn(prefs, columns[3], true);
    expect(shown.hidden).toEqual([]);
    expect(toggleColumn(shown, columns[2], false).hidden).toEqual(['party']);
    expect(toggleColumn(prefs, columns[0], false)).toBe(prefs);
  });
});
