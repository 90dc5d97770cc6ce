/**
 * Chinese names of request fields, used to turn schema problems into messages
 * that tell the clerk which field to fix.
 */
export const FIELD_LABELS: Record<string, string> = {
  hallName: '大厅名称',
  department: '部门',
  windowNo: '窗口号',
  complaintPhone: '投诉电话',
  supervisionPhone: '监督电话',
  leaderOnDuty: '值班领导',
  officePhone: '咨询电话',
  itemCode: '办理事项',
  channel: '接待方式',
  applicantName: '申请人姓名',
  applicantPhone: '申请人电话',
  applicantIdNumber: '证件号码',
  receivedMaterialIds: '已收材料',
  problems: '不符合要求的材料',
  problem: '不符合原因',
  materialId: '材料',
  slipNo: '告知单编号',
  idleLockMinutes: '无操作自动锁屏分钟数',
  allowLan: '允许局域网访问',
  name: '姓名',
  staffNo: '工号',
  pin: 'PIN',
  newPin: '新 PIN',
  title: '职务',
  duties: '岗位职责',
  partyMember: '党员先锋岗',
  role: '角色',
  active: '启用状态',
  staffId: '工作人员',
  imageBase64: '照片',
  items: '承诺事项',
  text: '承诺内容',
  timeLimit: '时限',
  reason: '暂停原因',
  returnAt: '预计返回时间',
  hall: '大厅信息',
  supervisor: '主管账号',
  printer: '打印机地址',
  paperWidth: '纸宽',
  limit: '条数',
  status: '状态',
  content: '目录文件',
  date: '日期',
  kind: '类型',
  source: '依据文件',
  coversYear: '全年安排已录入',
  start: '起算日期',
  workingDays: '工作日天数',
  calendarDays: '自然日天数',
};

export function labelForPath(path: ReadonlyArray<PropertyKey>): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const last = named[named.length - 1];
  const index = path.find((p): p is number => typeof p === 'number');
  const base = last === undefined ? '请求' : (FIELD_LABELS[last] ?? last);
  return index === undefined ? base : `第 ${index + 1} 项${base}`;
}
