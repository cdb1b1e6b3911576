import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { maskIdNumber, maskName, maskPhone } from '../../platform/masking';
import type { CalendarService } from '../calendar/calendar.service';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UsersRepository } from '../users/users.repository';
import { verificationClock } from './lead-clock';
import { LEAD_EXTENSION_KIND } from './lead-extensions';
import { LEAD_SOURCE_LABELS } from './lead.types';
import { leadPolicy } from './leads.policy';
import type { LeadsRepository } from './leads.repository';
import type { LeadPauseRow, LeadRow } from './leads.schema';

/** How a lead is shown: the complainant masked unless the caller handles it, its clock, and what the caller may do. */
export function createLeadViews(deps: {
  db: Db;
  leadsRepository: LeadsRepository;
  usersRepository: UsersRepository;
  unitsRepository: UnitsRepository;
  calendarService: CalendarService;
  /** Whether a filing request of the lead awaits approval (立案审批中, lead-filing.ts). */
  filingPending: (leadId: string) => Promise<boolean>;
  /** The lead's requests (延期、立案), shown on it. */
  approvals: Pick<ApprovalsService, 'forRecord'>;
  today: () => string;
}) {
  const { db, leadsRepository: repo, usersRepository, unitsRepository, calendarService, filingPending, today } = deps;

  async function clockOf(row: LeadRow, pauses: LeadPauseRow[]) {
    return verificationClock(await calendarService.calendar(), {
      receivedDate: row.receivedDate,
      extended: Boolean(row.extensionApprovedBy),
      pauses: pauses.map((p) => ({ from: p.fromDate, to: p.toDate })),
      decidedDate: row.decidedDate,
      today: today(),
    });
  }

  /** A lead as the caller may see it: the complainant's data masked unless the caller handles the lead. */
  function shown(actor: Actor, row: LeadRow, unitName: string) {
    const sees = leadPolicy.seesComplainant(actor, row);
    return {
      ...row,
      unitName,
      sourceLabel: LEAD_SOURCE_LABELS[row.source],
      complainantName: sees ? row.complainantName : maskName(row.complainantName),
      complainantPhone: sees ? row.complainantPhone : maskPhone(row.complainantPhone),
      complainantIdNumber: sees ? row.complainantIdNumber : maskIdNumber(row.complainantIdNumber),
      complainantMasked: !sees,
      overdue: Boolean(row.status === 'verifying' && row.dueDate && row.dueDate < today()),
    };
  }

  /** The path of the handling bureau: the lead's unit if it is a bureau, else the nearest bureau above it (its 局). */
  async function bureauPathOf(unit: UnitRow): Promise<string> {
    return (await unitsRepository.bureauOf(db, unit)).path;
  }

  async function detail(actor: Actor, row: LeadRow, unit: UnitRow) {
    const pauses = await repo.pauses(db, row.id);
    const people = await Promise.all(row.handlerIds.map((id) => usersRepository.findById(db, id)));
    const pending = row.status === 'verifying' && (await filingPending(row.id));
    const requests = await deps.approvals.forRecord(actor, 'lead', row.id);
    // The one 15-working-day extension: a leader grants it, anyone else who works the lead asks for it.
    const extendable =
      row.status === 'verifying' &&
      !row.extensionApprovedBy &&
      !requests.some((r) => r.kind === LEAD_EXTENSION_KIND && r.status === 'pending');
    const leaderSigns = leadPolicy.canApproveExtension(actor, unit.path);
    return {
      ...shown(actor, row, unit.name),
      handlers: row.handlerIds.map((id, i) => ({ id, displayName: people[i]?.displayName ?? '' })),
      clock: await clockOf(row, pauses),
      pauses: pauses.map((p) => ({ id: p.id, fromDate: p.fromDate, toDate: p.toDate, reason: p.reason })),
      filingPending: pending,
      approvals: requests,
      can: {
        edit: leadPolicy.canEdit(actor, row, unit.path),
        decide: leadPolicy.canEdit(actor, row, unit.path) && !pending,
        approveExtension: leaderSigns && extendable,
        requestExtension: !leaderSigns && extendable && leadPolicy.canEdit(actor, row, unit.path),
        assignHandlers: leadPolicy.canAssignHandlers(actor, row, unit.path, await bureauPathOf(unit)),
      },
    };
  }

  return { shown, bureauPathOf, detail };
}
