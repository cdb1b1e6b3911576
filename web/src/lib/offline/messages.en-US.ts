import type zh from './messages.zh-CN';

/** English strings of the offline queue and its status (merged into locales/en-US.ts). */
const messages: Record<keyof typeof zh, string> = {
  'offline.statusOffline': 'Offline',
  'offline.statusOfflinePending': 'Offline · {count} to send',
  'offline.statusPending': '{count} to send',
  'offline.statusAttention': '{count} need attention',
  'offline.statusSynced': 'Synced',
  'offline.drawerTitle': 'Offline records',
  'offline.drawerHint':
    'Records saved without a network stay on this device and are sent in order when the network returns; records the server sent back are handled here.',
  'offline.empty': 'Nothing waiting to be sent',
  'offline.sendNow': 'Send now',
  'offline.statePending': 'Waiting',
  'offline.stateConflict': 'Conflict with the server',
  'offline.stateInvalid': 'Sent back',
  'offline.stateRefused': 'Cannot be sent',
  'offline.attempts': '{count} attempts',
  'offline.files': '{count} photos/files',
  'offline.conflictHint':
    'While you were offline someone else changed this record. Compare the values and choose which to keep:',
  'offline.field': 'Field',
  'offline.mine': 'Yours',
  'offline.theirs': 'On the server',
  'offline.keepMine': 'Overwrite with mine',
  'offline.keepTheirs': 'Discard my change',
  'offline.fixInForm': 'Correct in the form',
  'offline.discard': 'Delete this record',
  'offline.confirmDiscard': 'Delete this unsent record? It cannot be recovered.',
  'offline.retry': 'Send again',
  'offline.queued': 'No network: the record is saved on this device and will be sent when the network returns',
  'offline.synced': 'Offline records sent',
  'offline.draftRestored': 'Your unfinished entry was restored (the draft is kept on this device)',
  'offline.draftReturned': 'The server sent this record back: correct it as shown and save again',
  'offline.clearDraft': 'Clear draft',
  'offline.photosHint': 'Take them with the phone; without a network they are kept with the record and sent with it',
  'offline.empty.value': '(empty)',
};

export default messages;
