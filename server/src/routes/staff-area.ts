// Everything under /api/staff and /api/admin, behind one gate (session, CSRF, then per-route
// roles). Login is the one open door.
import type { FastifyPluginAsync } from 'fastify';
import { installStaffGate } from '../http/staff-session.ts';
import type { ActionService } from '../services/actions.ts';
import type { CalendarService } from '../services/calendar.ts';
import type { CatalogService } from '../services/catalog.ts';
import type { DeskService } from '../services/desk.ts';
import type { AdminService } from '../services/admin.ts';
import type { HandoverService } from '../services/handover.ts';
import type { ReportService } from '../services/reports.ts';
import type { SmsService } from '../services/sms.ts';
import type { StaffService } from '../services/staff.ts';
import type { SubmissionService } from '../services/submission.ts';
import { adminCatalogRoutes } from './admin-catalog.ts';
import { adminRoutes } from './admin.ts';
import { LOGIN_URL, staffAuthRoutes } from './staff-auth.ts';
import { staffDossierRoutes } from './staff-dossiers.ts';
import { staffHandoverRoutes } from './staff-handover.ts';
import { staffSmsRoutes } from './sms.ts';

export interface StaffAreaOptions {
  staff: StaffService;
  calendar: CalendarService;
  desk: DeskService;
  actions: ActionService;
  reports: ReportService;
  submissions: SubmissionService;
  catalog: CatalogService;
  sms: SmsService;
  handovers: HandoverService;
  admin: AdminService;
}

export const staffArea: FastifyPluginAsync<StaffAreaOptions> = async (app, o) => {
  installStaffGate(app, o.staff, { open: (req) => req.method === 'POST' && req.routeOptions.url === LOGIN_URL });
  await app.register(staffAuthRoutes, { staff: o.staff });
  await app.register(staffDossierRoutes, { desk: o.desk, actions: o.actions, reports: o.reports, submissions: o.submissions });
  await app.register(staffHandoverRoutes, { handovers: o.handovers });
  await app.register(staffSmsRoutes, { sms: o.sms });
  await app.register(adminRoutes, { staff: o.staff, calendar: o.calendar, admin: o.admin });
  await app.register(adminCatalogRoutes, { catalog: o.catalog, admin: o.admin });
};
