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
  'records.authority.police': 'Public security',
  'records.authority.procuratorate': 'Procuratorate',
  'records.authority.discipline': 'Discipline inspection',
  'records.authority.agriculture': 'Agriculture',
  'records.authority.customs': 'Customs',
  'records.authority.health': 'Health',
  'records.authority.education': 'Education',
  'records.authority.commerce': 'Commerce',
  'records.authority.culture_tourism': 'Culture and tourism',
  'records.authority.transport': 'Transport',
  'records.authority.ecology': 'Ecology and environment',
  'records.authority.tax': 'Taxation',
  'records.authority.market_regulation': 'Market regulation (elsewhere)',
  'records.authority.other': 'Other department',
};

export default messages;
