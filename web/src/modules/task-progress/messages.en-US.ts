import type zh from './messages.zh-CN';

/** English strings of task progress: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'taskProgress.tab': 'Task progress',
  'taskProgress.hint':
    'For each key task, its lead (L) and cooperating (C) units: cases, leads, inspections, draws and visits of the unit and below tagged to the task, and progress notes; a lead unit with neither a record nor a note for N weeks is red.',
  'taskProgress.inactiveWeeks': 'Weeks without progress',
  'taskProgress.seq': 'No.',
  'taskProgress.task': 'Key task',
  'taskProgress.lead': 'L',
  'taskProgress.cooperating': 'C',
  'taskProgress.leadFull': 'Lead',
  'taskProgress.cooperatingFull': 'Cooperating',
  'taskProgress.inactive': 'No progress for {weeks} weeks',
  'taskProgress.counts': 'Case {case} Lead {lead} Insp {inspection} Draw {draw} Visit {visit}',
  'taskProgress.allUnits': 'All units: case {case} lead {lead} insp {inspection} draw {draw} visit {visit}',
  'taskProgress.notes': 'Notes {count}',
  'taskProgress.last': 'Last {date}',
  'taskProgress.noTasks': 'This plan has no key tasks',
  'taskProgress.implementation': 'Implementation plan: {name}',
  'taskProgress.records': 'Records tagged to this task',
  'taskProgress.noRecords': 'No records tagged to this task yet',
  'taskProgress.noteList': 'Progress notes',
  'taskProgress.noNotes': 'No progress notes yet',
  'taskProgress.addNote': 'Add progress',
  'taskProgress.noteDate': 'Date',
  'taskProgress.noteText': 'Progress',
  'taskProgress.noteRequired': 'Please describe the progress',
  'taskProgress.noteSaved': 'Progress note added',
  'taskProgress.kind.case': 'Case',
  'taskProgress.kind.lead': 'Lead',
  'taskProgress.kind.inspection': 'Inspection',
  'taskProgress.kind.draw': 'Random check',
  'taskProgress.kind.visit': 'Supervision visit',
};

export default messages;
