import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope, isPathWithin } from '../../platform/scope';
import type { CaseReviewFileRow } from './case-reviews.schema';

/**
 * 案卷评查: the office of the organising unit (or an office or administrator above it) keeps the
 * 评查表, runs exercises, draws and assigns; the people of the organising unit and above see every
 * file; a unit below sees the files of its own cases (and below); a reviewer sees what he is assigned.
 * Everyone taking part (the units below the organiser) sees the exercise and its ranking.
 */
export const caseReviewPolicy = {
  canManage: (actor: Actor, organizerPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, organizerPath),
  seesAll: (actor: Actor, organizerPath: string) => isPathInScope(actor, organizerPath),
  takesPart: (actor: Actor, organizerPath: string) =>
    actor.unitPath !== null && isPathWithin(actor.unitPath, organizerPath),
  canSeeFile: (actor: Actor, file: Pick<CaseReviewFileRow, 'reviewerId'>, unitPath: string, organizerPath: string) =>
    caseReviewPolicy.seesAll(actor, organizerPath) ||
    isPathInScope(actor, unitPath) ||
    file.reviewerId === actor.userId,
  canScore: (actor: Actor, file: Pick<CaseReviewFileRow, 'reviewerId' | 'status'>) =>
    file.status === 'pending' && file.reviewerId === actor.userId,
  fileFlags: (actor: Actor, file: Pick<CaseReviewFileRow, 'reviewerId' | 'status'>, organizerPath: string) => ({
    assign: file.status === 'pending' && caseReviewPolicy.canManage(actor, organizerPath),
    score: caseReviewPolicy.canScore(actor, file),
  }),
};
