/** Handlers for the appointment methods of the contract. */
import type { appointmentMethods } from '../../../shared/api/appointments';
import { sessionOf } from '../core/context';
import type { HandlersFor } from '../core/handler';
import { hallOwned } from '../hall-link/hall-owned';
import { appointmentDay, checkIn, importAppointments, markNoShow } from './appointment-service';
import { printAppointmentSlip } from './appointment-slip';

export const appointmentHandlers: HandlersFor<keyof typeof appointmentMethods> = {
  'appointments.day': (ctx, req) => appointmentDay(ctx, req.date),
  'appointments.import': hallOwned('预约数据', (ctx, req, call) => importAppointments(ctx, call, sessionOf(call), req)),
  'appointments.checkIn': (ctx, req, call) => checkIn(ctx, call, sessionOf(call), req),
  'appointments.markNoShow': (ctx, req, call) => markNoShow(ctx, call, req.id),
  'appointments.printSlip': (ctx, req, call) => printAppointmentSlip(ctx, call, sessionOf(call), req.id),
};
