/**
 * Every kind of change RedShield records, with the type of record it changes.
 * A new write path adds its action here; the audit log stores nothing else.
 */
export const AUDIT_ACTIONS = {
  'auth.login': 'user',
  'auth.logout': 'user',
  'auth.password_change': 'user',
  'unit.create': 'unit',
  'unit.update': 'unit',
  'unit.move': 'unit',
  'unit.deactivate': 'unit',
  'unit.reactivate': 'unit',
  'user.create': 'user',
  'user.update': 'user',
  'user.password_reset': 'user',
  'campaign.create': 'campaign',
  'campaign.update': 'campaign',
  'campaign.status': 'campaign',
  'campaign.liaison_set': 'campaign_liaison',
  'case.create': 'case',
  'case.update': 'case',
  'case.stage': 'case',
  'case.clock': 'case',
  /** 督办 set on a case by the case-supervision module (立项督办). */
  'case.supervision': 'case',
  'case_supervision.request': 'case_supervision',
  'case_supervision.take_up': 'case_supervision',
  'case_supervision.decline': 'case_supervision',
  'case_supervision.progress': 'case_supervision',
  'case_supervision.instruct': 'case_supervision',
  'case_supervision.close': 'case_supervision',
  /** A ledger file imported into a campaign: one entry for the whole file. */
  'case.import': 'campaign',
  'case.attachment_add': 'case',
  'case.attachment_delete': 'case',
  'lead.create': 'lead',
  'lead.update': 'lead',
  'lead.decide': 'lead',
  'lead.clock': 'lead',
  /** 指定经办人: the handling unit's office or leader names who handles a lead (and sees its complainant). */
  'lead.assign_handlers': 'lead',
  'lead.import': 'campaign',
  'inspection.create': 'inspection',
  'inspection.update': 'inspection',
  'inspection.import': 'campaign',
  'inspection.attachment_add': 'inspection',
  'inspection.attachment_delete': 'inspection',
  'market_entity.import': 'market_entity',
  'market_entity.tie': 'market_entity',
  /** 经济户口: an entity registered (on the register's form, or by an outing that met it), edited, deactivated. */
  'market_entity.create': 'market_entity',
  'market_entity.update': 'market_entity',
  'market_entity.deactivate': 'market_entity',
  /** 检查频次规则 kept by the office. */
  'frequency_rule.create': 'frequency_rule',
  'frequency_rule.update': 'frequency_rule',
  'random_draw.create': 'random_draw',
  'random_draw.redraw': 'random_draw',
  'random_draw.result': 'random_draw',
  'random_draw.publish': 'random_draw',
  'random_draw.lead': 'random_draw',
  /** 信息报送: a unit submits (or resubmits) a periodic report; the office returns or accepts it. */
  'report.submit': 'report',
  /** 代报: the office submits a unit's report on its behalf, having chosen to (the unit's own liaison did not). */
  'report.submit_on_behalf': 'report',
  'report.return': 'report',
  'report.accept': 'report',
  /** 报表附件: a file sent with a report (by whoever may submit it), or removed before the report is accepted. */
  'report.attachment_add': 'report_attachment',
  'report.attachment_remove': 'report_attachment',
  /** 催报: the office chases a unit whose report of a period is overdue. */
  'report.chase': 'report_chase',
  /** 重大情况报告: a unit reports a major event at once; corrects it until the plan's office acknowledges it (阅示). */
  'major_event.report': 'major_event',
  'major_event.edit': 'major_event',
  'major_event.acknowledge': 'major_event',
  /** 整改: a finding of a visit (with its 整改通知), corrected before any answer; the unit's 整改报告; the group's 退回 or 销号. */
  'rectification.create': 'supervision_finding',
  'rectification.edit': 'supervision_finding',
  'rectification.reply': 'supervision_finding',
  'rectification.return': 'supervision_finding',
  'rectification.close': 'supervision_finding',
  'rectification.attachment_add': 'supervision_finding',
  'rectification.attachment_delete': 'supervision_finding',
  /** 督查: groups (and their 片区), rounds, 随机专项督查 draws and visits. */
  'supervision_group.create': 'supervision_group',
  'supervision_group.update': 'supervision_group',
  'supervision_group.delete': 'supervision_group',
  'supervision_group.area': 'supervision_group',
  'supervision_round.create': 'supervision_round',
  'supervision_round.update': 'supervision_round',
  'supervision_round.delete': 'supervision_round',
  'supervision_draw.create': 'supervision_draw',
  'supervision_visit.create': 'supervision_visit',
  'supervision_visit.update': 'supervision_visit',
  /** 进展情况: a 牵头/配合 unit's note on its progress on a plan task (task-progress). */
  'task_progress_note.create': 'task_progress_note',
  /** 工作简报: the office saves its edited text (a draft, changed until issued), then issues it with its number (第N期). */
  'briefing.save': 'briefing',
  'briefing.issue': 'briefing',
  /** 案卷评查: the organiser's office edits its 评查表, organises an exercise, draws the files and names reviewers; a reviewer saves and submits his scores. */
  'case_review_sheet.save': 'case_review_sheet',
  'case_review.create': 'case_review_exercise',
  'case_review.draw': 'case_review_exercise',
  'case_review.assign': 'case_review_file',
  'case_review.score': 'case_review_file',
  'case_review.submit': 'case_review_file',
  /** 督查通报: the organiser's office saves its draft of a round's notice, then issues it with its 发文字号. */
  'supervision_bulletin.save': 'supervision_bulletin',
  'supervision_bulletin.issue': 'supervision_bulletin',
  /** 手工填报: a figure the records cannot give, entered by a unit with its reason (corrections are new entries). */
  'manual_figure.create': 'manual_figure',
  /** 考核指标手工填报: a unit's figure of a hand-entered KPI for a period (明厨亮灶 …), with its reason; corrections bump the version. */
  'kpi_figure.save': 'kpi_manual_figure',
  /** 审批: a request made in a module's change (a case's extension …), approved or rejected by the approver, or withdrawn. */
  'approval.request': 'approval_request',
  'approval.approve': 'approval_request',
  'approval.reject': 'approval_request',
  'approval.withdraw': 'approval_request',
  /** 邮件发送失败: an administrator sends a failed notification e-mail again. */
  'notification.email_retry': 'notification_email',
  /** 典型案例评选: a unit nominates (or withdraws) a case to a plan; the plan's office selects it or not. */
  'typical_nomination.create': 'typical_case_nomination',
  'typical_nomination.decide': 'typical_case_nomination',
  'typical_nomination.withdraw': 'typical_case_nomination',
  /** 表彰 and 问责 recorded by the plan's office or leader, corrected or deleted (the entry keeps what was deleted). */
  'commendation.create': 'commendation',
  'commendation.update': 'commendation',
  'commendation.delete': 'commendation',
  'accountability.create': 'accountability_measure',
  'accountability.update': 'accountability_measure',
  'accountability.delete': 'accountability_measure',
  'calendar.override_set': 'calendar_override',
  'calendar.override_delete': 'calendar_override',
  'calendar.year_entered': 'calendar_year',
  /** 考核评分: the plan's office keeps its 考核方案 and publishes (freezes) a scorecard. */
  'assessment_scheme.create': 'assessment_scheme',
  'assessment_scheme.update': 'assessment_scheme',
  'assessment_scheme.delete': 'assessment_scheme',
  'assessment.publish': 'assessment_publication',
  /** 结转: an unfinished case of the predecessor plan carried forward (a further campaign it counts toward). */
  'case.carry_forward': 'case',
  /** 工作实施计划备案 (seed 003): a unit files (or refiles) its plan; the office acknowledges (已备案) or returns it. */
  'work_plan.file': 'unit_work_plan',
  'work_plan.refile': 'unit_work_plan',
  'work_plan.attach': 'unit_work_plan',
  'work_plan.acknowledge': 'unit_work_plan',
  'work_plan.return': 'unit_work_plan',
  /** 曝光: a redacted disclosure of a typical case drafted, edited and submitted by the office, published on a 局领导's approval, taken down. */
  'disclosure.create': 'case_disclosure',
  'disclosure.edit': 'case_disclosure',
  'disclosure.submit': 'case_disclosure',
  'disclosure.publish': 'case_disclosure',
  'disclosure.withdraw': 'case_disclosure',
  /** 消费警示 / 警示公告: written, published and taken down by the office. */
  'consumer_warning.create': 'consumer_warning',
  'consumer_warning.edit': 'consumer_warning',
  'consumer_warning.publish': 'consumer_warning',
  'consumer_warning.withdraw': 'consumer_warning',
  /** 联合执法: a unit records a joint action or a 联席会议 with other departments; its recorder or an office corrects it. */
  'joint_operation.create': 'joint_operation',
  'joint_operation.update': 'joint_operation',
  /** 信用监管 (issue 20): a penalty decision's publication recorded (sets the case's 是否已公开); listings in 经营异常名录 / 严重违法失信名单 and their removal. */
  'credit.publication_record': 'penalty_publication',
  'credit.listing_create': 'credit_listing',
  'credit.listing_remove': 'credit_listing',
  /** 移送 (issue 20): a case's 移送司法 mark set by its transfer; a transfer, its answers; 涉刑移送标准. */
  'case.transfer': 'case',
  'transfer.create': 'transfer',
  'transfer.reply': 'transfer',
  'criminal_threshold.create': 'criminal_threshold',
  'criminal_threshold.update': 'criminal_threshold',
  'criminal_threshold.delete': 'criminal_threshold',
  /** 协查函 and 线索通报 between bureaus (issue 20); the receiver's entries leave out the sender's own records. */
  'assistance.send': 'assistance_request',
  'assistance.withdraw': 'assistance_request',
  'assistance.accept': 'assistance_request',
  'assistance.decline': 'assistance_request',
  'assistance.answer': 'assistance_request',
  'assistance.attach': 'assistance_request',
  /** 涉案财物 / 罚没物品 (issue 21): custody registered and corrected, a disposal (返还 / 没收 / 销毁 / 移交), photos and files. */
  'seized_goods.create': 'seized_goods',
  'seized_goods.update': 'seized_goods',
  'seized_goods.dispose': 'seized_goods',
  'seized_goods.attachment_add': 'seized_goods',
  'seized_goods.attachment_delete': 'seized_goods',
  'seized_goods.import': 'campaign',
  /** 抽样检验 (issue 21): a sample and its result; a fail opens its 核查处置 in the same transaction, tracked to closure. */
  'sample.create': 'sample',
  'sample.update': 'sample',
  'sample.import': 'campaign',
  'sample.follow_up_open': 'sample',
  'sample.follow_up_progress': 'sample',
  'sample.follow_up_lead': 'sample',
  'sample.follow_up_close': 'sample',
  'sample.attachment_add': 'sample',
  'sample.attachment_delete': 'sample',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditRecordType = (typeof AUDIT_ACTIONS)[AuditAction];

export interface AuditEvent {
  action: AuditAction;
  recordId: string;
  /** The unit the record belongs to (for scoping the log); null for system-wide records. */
  unitId: string | null;
  before?: unknown;
  after?: unknown;
}
