// The working-day calendar, public: the app caches it to show due dates offline.
import { HolidayList } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CalendarService } from '../services/calendar.ts';

export const holidayRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (app, { calendar }) => {
  app.get('/api/holidays', { schema: { tags: ['catalog'], summary: 'Days off (besides weekends) due dates skip', response: { 200: HolidayList } } }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return { holidays: await calendar.list('off'), workdays: await calendar.list('workday') };
  });
};
