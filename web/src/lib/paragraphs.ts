/** The text of an official document edited in one box (简报, 督查通报): one paragraph per line; blank lines are dropped. */
export const textToParagraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');

/** The form's own refusal (validateFields): the fields already say why. */
export const isInvalidForm = (e: unknown) => typeof e === 'object' && e !== null && 'errorFields' in e;
