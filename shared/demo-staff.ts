/**
 * The demo office's staff (`--demo`): the same accounts at every demo window
 * (electron/services/setup/demo.ts) and on the demo hall's console
 * (hall/demo.ts), so one PIN works at both.
 */
export const DEMO_STAFF = [
  { staffNo: '9001', pin: '246810', name: '王建国', title: '登记处主任', duties: '窗口管理、服务监督、疑难业务审核', partyMember: true, role: 'supervisor', hue: 210 },
  { staffNo: '1001', pin: '135790', name: '李晓梅', title: '婚姻登记员', duties: '结婚登记、补领婚姻登记证', partyMember: true, role: 'clerk', hue: 340 },
  { staffNo: '1002', pin: '258036', name: '张伟', title: '婚姻登记员', duties: '离婚登记、婚姻登记记录证明', partyMember: false, role: 'clerk', hue: 140 },
  { staffNo: '1003', pin: '369147', name: '陈静', title: '综合受理员', duties: '咨询引导、预约受理、材料初审', partyMember: false, role: 'clerk', hue: 30 },
] as const;
