/** Moves a YYYY-MM-DD date by whole years (29 February becomes 28 February in a common year). */
export function shiftYears(date: string, years: number): string {
  if (years === 0) return date;
  const [y, m, d] = date.split('-').map(Number);
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A year standing alone (not part of a longer number such as 12315 or a phone number). */
const YEAR = /(?<!\d)(\d{4})(?!\d)/g;
/** In running text: a title in 《…》 or a 文号's 〔YYYY〕, which cite other documents, or a year. */
const CITATION_OR_YEAR = /《[^》]*》|〔\d{4}〕|(?<!\d)(\d{4})(?!\d)/g;

/**
 * Moves a template's years to those of the campaign made from it, as its dates are moved
 * (`shiftYears`, keeping month and day). A year of the document is one from the year before its
 * base (a winter campaign starting in December) to five after (a plan over several years, or its
 * “提出2022年重点案件查办建议”); other four-digit numbers are left alone.
 * - `date`: a YYYY-MM-DD date;
 * - `title`: the plan's own name, 文号 and annex names, every year of the document moved
 *   (2021民生领域案件查办“铁拳”行动方案, 沪崇市监执〔2021〕22号);
 * - `prose`: the plan's running text (schedule names and notes, sections, goals, tasks): its own
 *   years move (报送2021年工作总结报告, 汇总2021年以来办结的相关案件) while the documents it cites
 *   keep theirs — a title in 《…》 and a 文号's 〔YYYY〕 name a document that exists as it is.
 */
export function yearShifter(baseYear: number, year: number) {
  const years = year - baseYear;
  const move = (y: string) => (+y >= baseYear - 1 && +y <= baseYear + 5 ? String(+y + years) : y);
  return {
    years,
    date: (d: string) => shiftYears(d, years),
    title: (s: string) => (years === 0 ? s : s.replace(YEAR, move)),
    prose: (s: string) =>
      years === 0 ? s : s.replace(CITATION_OR_YEAR, (m: string, y: string | undefined) => (y ? move(y) : m)),
  };
}
