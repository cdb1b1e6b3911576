import type { MessageKey, zhCNFiles } from './zh-CN';
import auth from '../modules/auth/messages.en-US';
import units from '../modules/units/messages.en-US';
import users from '../modules/users/messages.en-US';
import audit from '../modules/audit/messages.en-US';
import calendar from '../modules/calendar/messages.en-US';
import home from '../modules/home/messages.en-US';
import dashboards from '../modules/dashboards/messages.en-US';
import campaigns from '../modules/campaigns/messages.en-US';
import cases from '../modules/cases/messages.en-US';
import leads from '../modules/leads/messages.en-US';
import inspections from '../modules/inspections/messages.en-US';
import randomChecks from '../modules/random-checks/messages.en-US';
import marketEntities from '../modules/market-entities/messages.en-US';
import reports from '../modules/reports/messages.en-US';
import majorEvents from '../modules/major-events/messages.en-US';
import disclosures from '../modules/disclosures/messages.en-US';
import jointOps from '../modules/joint-operations/messages.en-US';
import seizedGoods from '../modules/seized-goods/messages.en-US';
import samples from '../modules/samples/messages.en-US';
import recognition from '../modules/recognition/messages.en-US';
import workPlans from '../modules/work-plans/messages.en-US';
import caseSupervision from '../modules/case-supervision/messages.en-US';
import rectifications from '../modules/rectifications/messages.en-US';
import credit from '../modules/credit/messages.en-US';
import transfers from '../modules/transfers/messages.en-US';
import assistance from '../modules/assistance/messages.en-US';
import briefings from '../modules/briefings/messages.en-US';
import bulletins from '../modules/supervision-bulletins/messages.en-US';
import kpis from '../modules/kpis/messages.en-US';
import caseReviews from '../modules/case-reviews/messages.en-US';
import scorecards from '../modules/scorecards/messages.en-US';
import supervision from '../modules/supervision/messages.en-US';
import taskProgress from '../modules/task-progress/messages.en-US';
import notifications from '../modules/notifications/messages.en-US';
import approvals from '../modules/approvals/messages.en-US';
import inbox from '../modules/inbox/messages.en-US';
import imports from '../lib/messages.en-US';
import records from '../lib/records/messages.en-US';
import charts from '../lib/charts/messages.en-US';
import dashboardPanels from '../modules/dashboards/panels/messages.en-US';
import maps from '../modules/maps/messages.en-US';
import commandScreen from '../modules/command-screen/messages.en-US';
import offline from '../lib/offline/messages.en-US';
import inspectionPhotos from '../modules/inspections/photos.messages.en-US';

/** The English UI strings: the shared ones here, the rest beside their modules; the same files and keys as zh-CN.ts. */
const shared: Record<keyof typeof zhCNFiles.shared, string> = {
  'app.name': 'RedShield 红盾',
  'app.shortName': 'RedShield',
  'app.brandSub': '红盾',
  'app.subtitle': 'Market Regulation Enforcement Campaign Platform',
  'app.footer': 'RedShield · open-source platform for market-regulation enforcement campaigns',

  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.create': 'Create',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.refresh': 'Refresh',
  'common.actions': 'Actions',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.none': 'None',
  'common.all': 'All',
  'common.loading': 'Loading…',
  'common.saved': 'Saved',
  'common.status': 'Status',
  'common.active': 'Active',
  'common.inactive': 'Inactive',
  'common.total': '{total} in total',
  'common.retry': 'Retry',
  'common.loadFailed': 'Failed to load data',
  'common.networkError': 'Cannot reach the server. Check the network and try again.',
  'common.unexpectedError': 'The operation failed. Please try again later.',
  'common.sessionExpired': 'Your session has expired. Please log in again.',
  'common.offlineNoSession':
    'There is no network, and this device holds no login that is still valid. It continues by itself once the network is back, or shows the login page if one is needed.',
  'common.conflictReloaded':
    'Someone else changed this record. The latest version has been loaded; please check it and try again.',
  'common.fixFields': 'Please correct the highlighted fields',
  'common.notFound': 'Page not found',
  'common.backHome': 'Back to dashboard',
  'common.forbidden': 'You are not allowed to open this page',
  'common.totalCapped': 'More than {total} (add filters to narrow them down)',

  'lang.label': 'Language',
  'lang.zh-CN': '简体中文',
  'lang.en-US': 'English',

  'menu.group.work': 'Daily work',
  'menu.group.enforcement': 'Enforcement',
  'menu.group.oversight': 'Oversight',
  'menu.group.cooperation': 'Other authorities and the public',
  'menu.group.system': 'System',
  'menu.home': 'Dashboard',
  'menu.inbox': 'My inbox',
  'menu.campaigns': 'Campaigns',
  'menu.leads': 'Leads',
  'menu.transfers': 'Transfers',
  'menu.rectifications': 'Rectifications',
  'menu.credit': 'Credit supervision',
  'menu.talentPool': 'Talent pool',
  'menu.cases': 'Case ledger',
  'menu.caseSupervisions': 'Supervised cases',
  'menu.inspections': 'Inspections',
  'menu.jointOperations': 'Joint operations',
  'menu.samples': 'Sampling inspections',
  'menu.randomChecks': 'Random inspections',
  'menu.marketEntities': 'Entity register',
  'menu.caseReviews': 'Case file reviews',
  'menu.supervision': 'Supervision',
  'menu.units': 'Organisation',
  'menu.users': 'Users',
  'menu.audit': 'Audit log',
  'menu.emailFailures': 'Failed e-mails',
  'menu.calendar': 'Working calendar',
  'menu.comparison': 'Units compared',

  'layout.unitContext': 'Current unit',
  'layout.unitContextHint': 'List pages filter by the chosen unit',
  'layout.userMenu': 'User menu',
  'layout.collapse': 'Collapse menu',
  'layout.expand': 'Expand menu',
};

/** Every message file, by where it lives: the same as zhCNFiles, file by file (checked by the type and locales.test.ts). */
export const enUSFiles: { [F in keyof typeof zhCNFiles]: Record<keyof (typeof zhCNFiles)[F], string> } = {
  shared,
  auth,
  units,
  users,
  audit,
  calendar,
  home,
  dashboards,
  campaigns,
  cases,
  leads,
  inspections,
  randomChecks,
  marketEntities,
  reports,
  majorEvents,
  disclosures,
  jointOps,
  seizedGoods,
  samples,
  recognition,
  workPlans,
  caseSupervision,
  rectifications,
  credit,
  transfers,
  assistance,
  briefings,
  bulletins,
  kpis,
  caseReviews,
  scorecards,
  supervision,
  taskProgress,
  notifications,
  approvals,
  inbox,
  imports,
  records,
  charts,
  dashboardPanels,
  maps,
  commandScreen,
  offline,
  inspectionPhotos,
};

const enUS: Record<MessageKey, string> = Object.assign({}, ...Object.values(enUSFiles));

export default enUS;
