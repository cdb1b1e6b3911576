import type { AuthorityKind } from '../../lib/records/authorities';
import type { JointLead, JointOperation, JointOperationBody, JointOperationKind } from './api';

/** The form's values: what the API takes, optional texts possibly empty, figures possibly blank. */
export interface JointOperationValues {
  unitId?: string;
  campaignId?: string;
  taskId?: string | null;
  kind?: JointOperationKind;
  title?: string;
  startDate?: string | null;
  endDate?: string | null;
  departments?: AuthorityKind[];
  departmentNames?: string | null;
  leadDepartment?: JointLead;
  location?: string | null;
  content?: string;
  results?: string | null;
  staffDeployed?: number | null;
  entitiesInspected?: number | null;
  problemsFound?: number | null;
  casesFiled?: number | null;
  attendees?: string | null;
  decisions?: string | null;
}

const text = (v: string | null | undefined) => v?.trim() || null;

/**
 * The body the API takes from the form: texts trimmed (empty optional ones as null), an action's
 * figures (blank = 0) or a meeting's attendees and decisions, never both. Pure.
 */
export function jointOperationBody(v: JointOperationValues): JointOperationBody {
  const kind = v.kind ?? 'joint_action';
  const action = kind === 'joint_action';
  const figure = (n: number | null | undefined) => (action ? (n ?? 0) : 0);
  return {
    unitId: v.unitId ?? '',
    campaignId: v.campaignId ?? '',
    taskId: v.taskId || null,
    kind,
    title: (v.title ?? '').trim(),
    startDate: v.startDate ?? '',
    endDate: v.endDate || null,
    departments: v.departments ?? [],
    departmentNames: text(v.departmentNames),
    leadDepartment: v.leadDepartment ?? 'self',
    location: text(v.location),
    content: (v.content ?? '').trim(),
    results: text(v.results),
    staffDeployed: figure(v.staffDeployed),
    entitiesInspected: figure(v.entitiesInspected),
    problemsFound: figure(v.problemsFound),
    casesFiled: figure(v.casesFiled),
    attendees: action ? null : text(v.attendees),
    decisions: action ? null : text(v.decisions),
  };
}

/** The form filled from a record being corrected. Pure. */
export function jointOperationValues(r: JointOperation): JointOperationValues {
  return {
    unitId: r.unitId,
    campaignId: r.campaignId,
    taskId: r.taskId,
    kind: r.kind,
    title: r.title,
    startDate: r.startDate,
    endDate: r.endDate,
    departments: r.departments,
    departmentNames: r.departmentNames,
    leadDepartment: r.leadDepartment,
    location: r.location,
    content: r.content,
    results: r.results,
    staffDeployed: r.staffDeployed,
    entitiesInspected: r.entitiesInspected,
    problemsFound: r.problemsFound,
    casesFiled: r.casesFiled,
    attendees: r.attendees,
    decisions: r.decisions,
  };
}
