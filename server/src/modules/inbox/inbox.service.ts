import type { Actor } from '../../platform/actor';
import { INBOX_KIND_LIMIT, mergeInbox, type InboxProvider } from './inbox';

/**
 * 我的待办 for the signed-in person: every provider asked (each answers only what the actor may see,
 * through its module's scoped queries), merged into one list with the count of each kind.
 * A module adds its items by adding its provider to the list in services.ts.
 */
export function createInboxService(deps: { providers: InboxProvider[] }) {
  return {
    async inbox(actor: Actor) {
      const sections = (await Promise.all(deps.providers.map((provide) => provide(actor)))).flat();
      return { ...mergeInbox(sections), limitPerKind: INBOX_KIND_LIMIT };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
