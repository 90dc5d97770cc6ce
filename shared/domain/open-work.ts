/**
 * What a clerk would leave behind by logging out instead of handing over
 * (交接班): open contacts, cases in progress, applicants due back with
 * materials, slips not yet printed. Empty when there is nothing to hand over.
 */
export interface OpenWorkFacts {
  inProgress: number;
  openCasesTotal: number;
  awaitingTotal: number;
  printJobs: { queued: number; failed: number };
}

export function openWorkItems(s: OpenWorkFacts): string[] {
  return [
    s.inProgress > 0 ? `正在接待 ${s.inProgress} 人` : '',
    s.openCasesTotal > 0 ? `在办受理件 ${s.openCasesTotal} 件` : '',
    s.awaitingTotal > 0 ? `已告知待补材料 ${s.awaitingTotal} 件` : '',
    s.printJobs.queued > 0 ? `待打印 ${s.printJobs.queued} 张` : '',
    s.printJobs.failed > 0 ? `打印失败 ${s.printJobs.failed} 张` : '',
  ].filter((item) => item !== '');
}
