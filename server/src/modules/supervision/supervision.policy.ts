import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/** The people of a group: its 组长 and 组员. */
export interface GroupPeople {
  leaderId: string;
  memberIds: readonly string[];
}

const inGroup = (actor: Actor, g: GroupPeople) => g.leaderId === actor.userId || g.memberIds.includes(actor.userId);

/**
 * 督查: the office (专项办) and the 局领导 of the organising unit — the plan's issuing unit or a unit
 * running its 实施方案 — (or an office, leader or administrator above it) form the groups, give them
 * their 片区 and run the rounds. A group's 组长 and 组员 record its visits and draw units for
 * 随机专项督查 even where those units lie outside their own unit's scope. Everyone who sees the plan
 * reads its groups and rounds (the 分片督查表 is printed in the plan); a visit is read by the
 * organiser's line, its group, and the visited unit and those above it (the service's scope).
 */
export const supervisionPolicy = {
  /** 组建督查组、划分片区、安排轮次. */
  canManage: (actor: Actor, organizerPath: string) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, organizerPath),
  /** Whether the actor is the group's leader or one of its members. */
  isInGroup: inGroup,
  /** A group's leader edits its note and phone as the office does; its area and people stay the office's. */
  canEditGroup: (actor: Actor, organizerPath: string, g: GroupPeople) =>
    supervisionPolicy.canManage(actor, organizerPath) || g.leaderId === actor.userId,
  /** 督查记录: the group's people, or the organiser's office and leaders. */
  canRecordVisit: (actor: Actor, organizerPath: string, g: GroupPeople) =>
    supervisionPolicy.canManage(actor, organizerPath) || inGroup(actor, g),
  /** 随机专项督查 draw: the organiser's office and leaders, or the group's leader. */
  canDraw: (actor: Actor, organizerPath: string, g: GroupPeople) =>
    supervisionPolicy.canManage(actor, organizerPath) || g.leaderId === actor.userId,
  groupFlags: (actor: Actor, organizerPath: string, g: GroupPeople) => ({
    edit: supervisionPolicy.canEditGroup(actor, organizerPath, g),
    editArea: supervisionPolicy.canManage(actor, organizerPath),
    delete: supervisionPolicy.canManage(actor, organizerPath),
    recordVisit: supervisionPolicy.canRecordVisit(actor, organizerPath, g),
    draw: supervisionPolicy.canDraw(actor, organizerPath, g),
  }),
  visitFlags: (actor: Actor, organizerPath: string, g: GroupPeople) => ({
    edit: supervisionPolicy.canRecordVisit(actor, organizerPath, g),
  }),
};
