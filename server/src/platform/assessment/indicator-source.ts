/**
 * A measured indicator (考核指标的数据来源): how a scorecard, a KPI or a comparison reads one figure
 * per unit from the records of the module that owns them. The owning module implements it; the
 * scorecards module lists the sources it is given in services.ts and knows no record type, as the
 * inbox knows its providers.
 */
export interface IndicatorQuery {
  /** The campaign judged; its tree (the plan and its 实施方案) is `campaignPath`. */
  campaignId: string;
  campaignPath: string;
  /** The units scored; each one's value covers its subtree (a 局 with its 科室/所/大队). */
  units: { id: string; path: string }[];
  /** Inclusive dates, 'YYYY-MM-DD' (Beijing time). */
  from: string;
  to: string;
}

/** One record behind a unit's value (穿透): what an official clicks through to. */
export interface IndicatorRecord {
  recordType: string;
  recordId: string;
  /** What the record is, in the domain's words (case name, report period, finding …). */
  title: string;
  unitName: string;
  date: string | null;
  /** Its contribution to the value (1 for a count; fen for money; a score). */
  value: number;
  /** The web app's path of the record, e.g. `/cases/<id>`. */
  link: string;
}

export interface IndicatorSource {
  /** Stable key stored in schemes and frozen results, e.g. 'cases_filed'. */
  kind: string;
  /** 中文名, e.g. 立案数. */
  label: string;
  /** 计量单位: 件, 元, %, 分 … */
  unit: string;
  /**
   * Money is measured in fen (a unit's sum stays far below 2^53 fen, 90 万亿元); shown in 元.
   * A ratio is a number between 0 and 1, shown as %.
   */
  format: 'count' | 'money' | 'ratio' | 'score';
  /** The value for each unit of the query (each over its subtree); a unit without any is absent or 0. */
  measure(q: IndicatorQuery): Promise<Map<string, number>>;
  /** The records behind one unit's value; their values add up to it for counts and money. */
  records(q: IndicatorQuery & { unitId: string }): Promise<IndicatorRecord[]>;
}
