import type { Db } from '../../db/database';
import type { LeadFacts } from '../rollups/rollup-contributions';
import type { Change } from '../rollups/rollups.service';
import type { LeadInsert, LeadRow } from './leads.schema';

/** What a lead adds to the roll-up: its running verification clock, on the day it ends (核查期限). */
export const leadFacts = (
  row: Pick<LeadRow, 'unitId' | 'campaignId' | 'categoryCode'> & Pick<LeadInsert, 'dueDate'>,
): LeadFacts => ({
  unitId: row.unitId,
  campaignId: row.campaignId,
  categoryCode: row.categoryCode,
  dueDate: row.dueDate ?? null,
});

/** The roll-up as the leads module writes it: a lead's facts before and after, in the write's transaction. */
export interface LeadRollups {
  recordLeads(tx: Db, changes: Change<LeadFacts>[]): Promise<void>;
}
