import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';
import type { UnitRow } from '../units/units.schema';
import type { CampaignRow } from './campaigns.schema';

/**
 * The campaign office (专项办) of a bureau, or its administrator, plans the bureau's campaigns.
 * Everyone who can see a campaign may read it; a participating unit's liaison, or the office above
 * it, registers its liaisons.
 */
const planners = ['office', 'admin'] as const;

export const campaignPolicy = {
  isPlanner: (actor: Actor) => hasRole(actor, ...planners),
  canCreateFor: (actor: Actor, unit: UnitRow) =>
    hasRole(actor, ...planners) && isPathInScope(actor, unit.path) && unit.kind === 'bureau',
  canEdit: (actor: Actor, campaign: CampaignRow, issuingUnitPath: string) =>
    hasRole(actor, ...planners) && isPathInScope(actor, issuingUnitPath) && campaign.status !== 'archived',
  /** Publishing (`publishing`: a draft going active) also by a 局领导 of the issuing unit, who signs it (签发). */
  canChangeStatus: (actor: Actor, issuingUnitPath: string, publishing = false) =>
    (hasRole(actor, ...planners) || (publishing && actor.roles.includes('leader'))) &&
    isPathInScope(actor, issuingUnitPath),
  /** 签发: a 局领导 (the role itself) publishes a plan himself; the office asks him. */
  signsIssue: (actor: Actor) => actor.roles.includes('leader'),
  /** A bureau taking part derives its implementation plan (实施方案) from the campaign. */
  canDeriveFor: (actor: Actor, campaign: CampaignRow, unit: UnitRow) =>
    hasRole(actor, ...planners) &&
    isPathInScope(actor, unit.path) &&
    unit.kind === 'bureau' &&
    unit.id !== campaign.unitId &&
    campaign.status !== 'archived',
  canRegisterLiaisons: (actor: Actor, unit: UnitRow) =>
    hasRole(actor, 'liaison', ...planners) && isPathInScope(actor, unit.path),
  /** 联络员登记 in the inbox: a unit's liaison or office is asked for its own unit (not the administrator). */
  registersLiaisonsInInbox: (actor: Actor) =>
    actor.unitId !== null && (actor.roles.includes('liaison') || actor.roles.includes('office')),
};
