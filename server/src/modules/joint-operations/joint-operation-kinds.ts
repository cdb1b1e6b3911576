import type { AuthorityKind } from '../../platform/authorities';

/** 联合执法行动 (an action in the field with other departments) or 联席会议 (a meeting of the departments). */
export const JOINT_OPERATION_KINDS = ['joint_action', 'joint_meeting'] as const;
export type JointOperationKind = (typeof JOINT_OPERATION_KINDS)[number];
export const JOINT_OPERATION_KIND_LABELS: Record<JointOperationKind, string> = {
  joint_action: '联合执法行动',
  joint_meeting: '联席会议',
};

/** Who led (牵头): our own bureau, or one of the departments it worked with. */
export type JointLead = 'self' | AuthorityKind;
