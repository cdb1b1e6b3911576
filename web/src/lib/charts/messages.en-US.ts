import type zhCN from './messages.zh-CN';

/** English strings of the charts (lib/charts) (merged into locales/en-US.ts). */
const messages: Record<keyof typeof zhCN, string> = {
  'charts.exportPng': 'Export image (PNG)',
  'charts.noData': 'No data',
};

export default messages;
