import { hasRole, type Actor } from '../../platform/actor';

/** 邮件发送失败: the administrators see the failed e-mails of the people in their units and send them again. */
export const notificationEmailPolicy = {
  canManageFailures: (actor: Actor) => hasRole(actor, 'admin'),
};
