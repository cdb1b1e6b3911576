import type zh from './messages.zh-CN';

/** English strings of the briefing and summary dialog: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'briefings.title': 'Write a briefing or summary',
  'briefings.kind.briefing': 'Briefing',
  'briefings.kind.stage_summary': 'Stage summary',
  'briefings.kind.final_summary': 'Final summary',
  'briefings.period': '{unit}, {from} to {to}',
  'briefings.docTitle': 'Title',
  'briefings.docTitleRequired': 'Enter the title',
  'briefings.issue': 'Issue',
  'briefings.issuePlaceholder': 'e.g. 第3期',
  'briefings.date': 'Date',
  'briefings.dateRequired': 'Choose the date',
  'briefings.text': 'Text',
  'briefings.textHint':
    'One paragraph per line. A line starting with “一、” is set as a heading, one starting with “（一）” as a subheading. The file holds exactly this text.',
  'briefings.textRequired': 'Enter the text',
  'briefings.tooManyParagraphs': 'At most {max} paragraphs (now {count})',
  'briefings.typicalCases': 'Typical cases included: {count}',
  'briefings.kindChangeHint': 'Changing the kind writes a new draft from the figures and replaces your edits.',
  'briefings.loadFailed': 'The draft could not be written',
  'briefings.generate': 'Generate Word',
  'briefings.generated': '{name} generated',
  'briefings.close': 'Close',
};

export default messages;
