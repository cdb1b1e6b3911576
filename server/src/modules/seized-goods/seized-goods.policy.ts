import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * Handlers (办案人员, who seize and keep the goods), the campaign office and administrators of a unit
 * or a unit above it register custody, record disposals and add photos; everyone in scope reads
 * the 罚没物品台账; the keepers import a ledger kept in Excel. A file is removed by whoever uploaded it, or by an office or administrator.
 */
const keepers = ['handler', 'office', 'admin'] as const;

export const seizedGoodsPolicy = {
  canRecord: (actor: Actor, unitPath: string) => hasRole(actor, ...keepers) && isPathInScope(actor, unitPath),
  /** Who may import a 罚没物品台账 (each row's unit is then checked with canRecord). */
  canImport: (actor: Actor) => hasRole(actor, ...keepers),
  canRemoveFile: (actor: Actor, file: { uploadedBy: string }, unitPath: string) =>
    seizedGoodsPolicy.canRecord(actor, unitPath) &&
    (file.uploadedBy === actor.userId || hasRole(actor, 'office', 'admin')),
};
