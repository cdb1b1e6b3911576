import type { Actor } from '../platform/actor';
import type { Services } from '../services';

/**
 * The 督查通报 of a round (seed 001: 对督查情况，区局将以书面形式予以通报): written from the round's
 * visits, findings and 整改 by the district office, then issued with its 发文字号 (崇市监督〔year〕1号).
 * Call it once the round's visits and findings exist.
 */
export async function seedDemoBulletin(services: Services, actor: Actor, roundId: string) {
  const { supervisionBulletinsService } = services;
  const draft = await supervisionBulletinsService.create(actor, roundId);
  const edited = await supervisionBulletinsService.update(actor, draft.id, {
    title: draft.title,
    recipients: draft.recipients || '各市场监管所、执法大队',
    docPrefix: draft.docPrefix,
    date: draft.date,
    paragraphs: draft.paragraphs,
    version: draft.version,
  });
  return supervisionBulletinsService.issue(actor, edited.id, { version: edited.version });
}
