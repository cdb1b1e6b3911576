import type zh from './messages.zh-CN';

/** English strings of what the record modules share: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'records.campaign': 'Campaign',
  'records.category': 'Violation category',
  'records.pickCampaignFirst': 'Choose a campaign first',
  'records.unit': 'Handling unit',
  'records.me': '{name} (me)',
  'records.pickPerson': 'Choose a person',
  'records.noPeople': 'Nobody with this role',
  'records.task': 'Key task',
  'records.taskDefault': 'Leave empty to tag by category and unit',
  'records.columns': 'Columns',
  'records.columnsTitle': 'Columns shown',
  'records.keyColumn': '(key column)',
  'records.density': 'Row height',
  'records.density.large': 'Comfortable',
  'records.density.middle': 'Medium',
  'records.density.small': 'Compact',
};

export default messages;
