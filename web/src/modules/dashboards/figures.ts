import type { DashboardMetric, Figure } from './api';

/** A figure's value as a chart draws it (元 text → a number for the axis; the drawer shows the exact text). */
export const chartValue = (v: number | string) => (typeof v === 'number' ? v : Number(v));

/** The figure picker's options: 立案 / 结案 / 罚没款 with their units, as the server names them. */
export const figureOptions = (figures: Figure[]) =>
  figures.map((f) => ({ value: f.metric, label: `${f.label}（${f.unit}）` }));

export const figureOf = (figures: Figure[], metric: DashboardMetric) =>
  figures.find((f) => f.metric === metric) ?? { metric, label: metric, unit: '', money: false };
