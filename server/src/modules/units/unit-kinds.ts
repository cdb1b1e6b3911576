// 机构类型 are defined beside the units table in the platform (platform/org/units.table.ts).
export { UNIT_KINDS, type UnitKind } from '../../platform/org/units.table';
