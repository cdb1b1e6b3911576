import type { MessageKey } from '../../locales/i18n';
import type { EntityKind, FrequencyPeriod, RiskLevel } from './api';

export const ENTITY_KIND_KEYS: Record<EntityKind, MessageKey> = {
  enterprise: 'entities.kind.enterprise',
  individual: 'entities.kind.individual',
  cooperative: 'entities.kind.cooperative',
  other: 'entities.kind.other',
};
export const RISK_KEYS: Record<RiskLevel, MessageKey> = {
  low: 'entities.risk.low',
  medium: 'entities.risk.medium',
  high: 'entities.risk.high',
};
export const RISK_COLORS: Record<RiskLevel, string> = { low: 'green', medium: 'gold', high: 'red' };
export const PERIOD_KEYS: Record<FrequencyPeriod, MessageKey> = {
  week: 'entities.period.week',
  month: 'entities.period.month',
  quarter: 'entities.period.quarter',
};
/** The kinds of record an entity's history holds (other modules' sources add theirs; unknown ones show their kind). */
export const HISTORY_KIND_KEYS: Record<string, MessageKey> = {
  inspection: 'entities.history.inspection',
  random_check: 'entities.history.random_check',
  case: 'entities.history.case',
  credit_listing: 'entities.history.credit_listing',
  sample: 'entities.history.sample',
  rectification: 'entities.history.rectification',
  seizure: 'entities.history.seizure',
};
export const HISTORY_KIND_COLORS: Record<string, string> = {
  inspection: 'blue',
  random_check: 'cyan',
  case: 'red',
  credit_listing: 'volcano',
  sample: 'purple',
  rectification: 'orange',
  seizure: 'magenta',
};
export const STATUS_KEYS: Record<'active' | 'inactive' | 'all', MessageKey> = {
  active: 'entities.status.active',
  inactive: 'entities.status.inactive',
  all: 'entities.status.all',
};
