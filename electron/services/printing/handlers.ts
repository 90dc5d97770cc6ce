/** The printing methods of the API contract (shared/api/printing.ts). */
import type { printingMethods } from '../../../shared/api/printing';
import { CounterError } from '../../../shared/result';
import type { CallContext, CoreContext } from '../core/context';
import { preparedWrite, type HandlersFor } from '../core/handler';
import { staffById } from '../staff/staff-repo';
import { PrintQueue } from './queue';
import { printWarning } from './render';
import { documentOf, jobById } from './repo';

function queueOf(ctx: CoreContext): PrintQueue {
  if (!(ctx.printing instanceof PrintQueue)) throw new CounterError('INTERNAL', '打印服务未启动，请重启窗口工作台');
  return ctx.printing;
}

/** "王主任（S001）": who asked for the test page, printed on it. */
function requester(ctx: CoreContext, call: CallContext): string {
  const staff = call.session ? staffById(ctx.db, call.session.staffId) : undefined;
  return staff ? `${staff.name}（${staff.staff_no}）` : '';
}

export const printingHandlers: HandlersFor<keyof typeof printingMethods> = {
  'printer.status': (ctx) => queueOf(ctx).currentStatus(),
  'printer.configure': preparedWrite({
    prepare: (ctx, req) => queueOf(ctx).checkConfiguration(req.printer),
    commit: (ctx, req, call, checked) => queueOf(ctx).configure(call, checked, req.paperWidth),
  }),
  'printer.testPage': (ctx, _req, call) => queueOf(ctx).testPage(call, requester(ctx, call)),
  'print.jobs': (ctx, req) => queueOf(ctx).jobs(req.status, req.limit ?? 50),
  'print.preview': (ctx, req) => {
    const preview = queueOf(ctx).preview(req.id);
    const row = jobById(ctx.db, req.id);
    return { ...preview, warning: row ? printWarning(documentOf(row)) : null };
  },
  'print.reprint': (ctx, req, call) => queueOf(ctx).reprint(call, req.id, req.reason),
};
