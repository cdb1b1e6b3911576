/** A case as a picker offers it: its number and name (the stage aside). Pure. */
export function caseOption(c: { id: string; caseNumber: string; name: string }) {
  const name = c.name.trim();
  return { value: c.id, label: name && name !== c.caseNumber ? `${c.caseNumber} ${name}` : c.caseNumber };
}
