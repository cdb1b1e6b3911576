import type zh from './messages.zh-CN';

/** English strings of the map of units and the comparison of units: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'maps.title': 'Units compared',
  'maps.map': 'Map',
  'maps.figure': 'Figure',
  'maps.up': 'Up one level',
  'maps.noUnits': 'This unit has no units below it',
  'maps.tiles': 'Units without a division boundary',
  'maps.hint': 'Click a unit with units below to open them; click any other unit to see the records behind its figure.',
  'maps.unitColumn': 'Unit',
  'maps.total': 'Total',
  'maps.exportXlsx': 'Export .xlsx',
  'maps.caption':
    'The units directly below {unit} (each with its own units), {from} to {to}; the total is {unit} itself.',
  'maps.tableHint': 'Click a figure to see the records behind it; click a header to sort.',
  'maps.openComparison': 'Units compared',
  'maps.pickCampaign': 'Choose a campaign',
} as const;

export default messages;
