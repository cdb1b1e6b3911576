// The units table is defined in the platform (platform/org/units.table.ts), because the unit
// scope is a query over it and the platform imports no module. It is re-exported here so the
// module's own code, the other schemas and drizzle-kit (which reads src/modules/*/*.schema.ts)
// find it where every module keeps its tables.
export { units, type UnitRow, UNIT_KINDS, type UnitKind } from '../../platform/org/units.table';
