import type { Db } from '../../db/database';
import { AUTHORITY_KINDS, type AuthorityKind } from '../../platform/authorities';
import { unitIdInSubtree } from '../../platform/scope';
import type { BriefingJointOperationsSource } from '../briefings/briefings.service';
import type { JointOperationsRepository } from './joint-operations.repository';
import { jointOperations } from './joint-operations.schema';
import { totalsOf } from './joint-operation-totals';

/** Short names of the departments as a summary writes them ("会同公安、卫健等部门"); 其他部门 is left out. */
export const AUTHORITY_SHORT_NAMES: Record<AuthorityKind, string | null> = {
  police: '公安',
  procuratorate: '检察院',
  discipline: '纪检监察',
  agriculture: '农业农村',
  customs: '海关',
  health: '卫健',
  education: '教育',
  commerce: '商务',
  culture_tourism: '文旅',
  transport: '交通运输',
  ecology: '生态环境',
  tax: '税务',
  market_regulation: '外省市市场监管',
  other: null,
};

/** The departments' short names in the authorities' order, each once. */
export const shortNames = (kinds: string[]) =>
  AUTHORITY_KINDS.filter((k) => kinds.includes(k))
    .map((k) => AUTHORITY_SHORT_NAMES[k])
    .filter((n): n is string => n !== null);

/**
 * What a 简报 or 总结 says of the joint operations (briefings' `BriefingJointOperationsSource`): those
 * of the plan's tree and the unit's subtree begun in the period, counted and summed in SQL.
 */
export function createBriefingJointOperationsSource(deps: {
  db: Db;
  jointOperationsRepository: JointOperationsRepository;
}): BriefingJointOperationsSource {
  const { db, jointOperationsRepository: repo } = deps;
  return {
    async jointOperations(campaignPath, unitPath, from, to) {
      const f = { scope: unitIdInSubtree(unitPath, jointOperations.unitId), campaignPath, from, to };
      const [sums, departments] = await Promise.all([repo.sums(db, f), repo.departments(db, f)]);
      const of = (kind: string) => departments.filter((d) => d.kind === kind).map((d) => d.department);
      const t = totalsOf(sums);
      return {
        actions: t.actions,
        staffDeployed: t.staffDeployed,
        entitiesInspected: t.entitiesInspected,
        problemsFound: t.problemsFound,
        casesFiled: t.casesFiled,
        actionDepartments: shortNames(of('joint_action')),
        meetings: t.meetings,
        meetingDepartments: shortNames(of('joint_meeting')),
      };
    },
  };
}
