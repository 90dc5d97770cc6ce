/** Handlers for the supervision (跟踪回访, 投诉建议, 沟通联系) methods: callback rules and callbacks, the complaint box, coordination notes. */
import type { followupMethods } from '../../../shared/api/followup';
import { actorOf, sessionOf } from '../core/context';
import type { HandlersFor } from '../core/handler';
import { dueList, listRules, recordCallback, revealPhone, saveRule, scheduleCallbacksQuietly } from './callback-service';
import { closeComplaint, createComplaint, listComplaints, resolveComplaint } from './complaint-service';
import { addNote, listNotes, replyNote } from './coordination-service';

export const supervisionHandlers: HandlersFor<keyof typeof followupMethods> = {
  'callbackRules.list': (ctx) => listRules(ctx),
  'callbackRules.save': (ctx, req, call) => {
    const rule = saveRule(ctx, call, req);
    scheduleCallbacksQuietly(ctx, actorOf(call));
    return rule;
  },
  'callbacks.due': (ctx, _req, call) => dueList(ctx, call),
  'callbacks.phone': (ctx, req, call) => revealPhone(ctx, call, req.id),
  'callbacks.record': (ctx, req, call) => recordCallback(ctx, call, sessionOf(call), req),
  'complaints.create': (ctx, req, call) => createComplaint(ctx, call, sessionOf(call), req),
  'complaints.list': (ctx, req, call) => listComplaints(ctx, sessionOf(call), req),
  'complaints.resolve': (ctx, req, call) => resolveComplaint(ctx, call, sessionOf(call), req),
  'complaints.close': (ctx, req, call) => closeComplaint(ctx, call, req.id),
  'coordination.add': (ctx, req, call) => addNote(ctx, call, sessionOf(call), req),
  'coordination.list': (ctx, req) => listNotes(ctx, req),
  'coordination.reply': (ctx, req, call) => replyNote(ctx, call, sessionOf(call), req),
};
