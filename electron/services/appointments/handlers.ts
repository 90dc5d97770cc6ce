/** Handlers for the appointment methods of the contract. */
import type { appointmentMethods } from '../../../shared/api/appointments';
import { sessionOf } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { hallOwned } from '../hall-link/hall-owned';
import { appointmentByCode } from './appointment-repo';
import { appointmentDay, checkIn, importAppointments, markNoShow } from './appointment-service';
import { printAppointmentSlip } from './appointment-slip';

export const appointmentHandlers: HandlersFor<keyof typeof appointmentMethods> = {
  'appointments.day': (ctx, req) => appointmentDay(ctx, req.date),
  'appointments.import': hallOwned('预约数据', (ctx, req, call) => importAppointments(ctx, call, sessionOf(call), req)),
  'appointments.checkIn': preparedWrite({
    // a booking the hall imported after this window's last pull (the applicant checked in at the kiosk moments later): pulled first
    prepare: async (ctx, req) => {
      if ('code' in req && appointmentByCode(ctx.db, req.code.trim()) === undefined) await ctx.pullFromHall();
    },
    commit: (ctx, req, call) => checkIn(ctx, call, sessionOf(call), req),
  }),
  'appointments.markNoShow': (ctx, req, call) => markNoShow(ctx, call, req.id),
  'appointments.printSlip': (ctx, req, call) => printAppointmentSlip(ctx, call, sessionOf(call), req.id),
};
