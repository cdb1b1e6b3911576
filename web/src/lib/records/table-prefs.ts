/**
 * A list's display preferences: which columns show and the rows' density, kept on the server per
 * person (GET/PUT /api/me/preferences/table.<list>) so they follow the person across machines.
 * Pure: what a stored value means for a list's columns.
 */

/** 行高: antd Table's sizes (default, middle, small). */
export const DENSITIES = ['large', 'middle', 'small'] as const;
export type Density = (typeof DENSITIES)[number];

export interface TablePrefs {
  /** The keys of the columns the person hid (key columns never are). */
  hidden: string[];
  density: Density;
}

/** What the chooser needs of a column: its key, whether it may be hidden, whether it starts hidden. */
export interface ChoosableColumn {
  key: string;
  /** A key column (number, name, stage, …): always shown. */
  locked?: boolean;
  /** A secondary column, shown only when the person chooses it. */
  defaultHidden?: boolean;
}

/** The list's defaults: its secondary columns hidden, default density. */
export const defaultPrefs = (columns: readonly ChoosableColumn[]): TablePrefs => ({
  hidden: columns.filter((c) => c.defaultHidden && !c.locked).map((c) => c.key),
  density: 'large',
});

/**
 * The preferences a stored value gives (anything malformed: the defaults). Key columns stay shown
 * whatever was stored; keys of columns the list no longer has are dropped.
 */
export function readPrefs(value: unknown, columns: readonly ChoosableColumn[]): TablePrefs {
  const defaults = defaultPrefs(columns);
  if (!value || typeof value !== 'object') return defaults;
  const v = value as { hidden?: unknown; density?: unknown };
  const hideable = new Set(columns.filter((c) => !c.locked).map((c) => c.key));
  const hidden = Array.isArray(v.hidden)
    ? v.hidden.filter((k): k is string => typeof k === 'string' && hideable.has(k))
    : defaults.hidden;
  const density = (DENSITIES as readonly unknown[]).includes(v.density) ? (v.density as Density) : defaults.density;
  return { hidden, density };
}

/** The columns shown, in the list's order. */
export const shownColumns = <C extends ChoosableColumn>(columns: readonly C[], prefs: TablePrefs): C[] =>
  columns.filter((c) => c.locked || !prefs.hidden.includes(c.key));

/** The preferences after the person shows or hides one column (a key column cannot be hidden). */
export function toggleColumn(prefs: TablePrefs, column: ChoosableColumn, show: boolean): TablePrefs {
  if (column.locked) return prefs;
  const hidden = prefs.hidden.filter((k) => k !== column.key);
  return { ...prefs, hidden: show ? hidden : [...hidden, column.key] };
}
