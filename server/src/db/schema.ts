// Every table of every module, for Drizzle's relational queries and drizzle-kit.
export * from '../modules/units/units.schema';
export * from '../modules/users/users.schema';
export * from '../modules/auth/sessions.schema';
export * from '../modules/auth/throttle.schema';
export * from '../modules/audit/audit.schema';
export * from '../modules/calendar/calendar.schema';
export * from '../modules/campaigns/campaigns.schema';
export * from '../modules/cases/cases.schema';
export * from '../modules/leads/leads.schema';
export * from '../modules/inspections/inspections.schema';
export * from '../modules/random-checks/random-checks.schema';
export * from '../modules/rollups/rollups.schema';
export * from '../modules/reports/reports.schema';
export * from '../modules/rollups/manual-figures.schema';
export * from '../modules/notifications/notifications.schema';
export * from '../modules/major-events/major-events.schema';
export * from '../modules/briefings/briefings.schema';
