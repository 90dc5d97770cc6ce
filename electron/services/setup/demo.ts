/**
 * --demo: a marriage-registration office with a supervisor and three clerks,
 * each with a generated avatar, ready to log in. The README lists the accounts.
 */
import sharp from 'sharp';
import defaultCatalogueJson from '../../../shared/catalogue/default-catalogue.json';
import { catalogueSchema, type Catalogue, type CatalogueReferral } from '../../../shared/catalogue/schema';
import type { Result } from '../../../shared/result';
import type { CounterCore } from '../core/core';
import { PHOTO_HEIGHT, PHOTO_WIDTH } from '../staff/photos';
import { DEMO_STAFF } from '../../../shared/demo-staff';

export const DEMO_HALL = {
  hallName: '示范区婚姻登记处',
  department: '示范区民政局',
  windowNo: '3',
  complaintPhone: '010-12345678',
  supervisionPhone: '12345',
  leaderOnDuty: '王建国 主任',
} as const;

export const DEMO_OFFICE_PHONE = '010-87654321';
/** 登记机关代码 of the demo office: certificate numbers read J110105-2026-000001. */
export const DEMO_REGISTRATION_OFFICE = '110105';

export { DEMO_STAFF };

const OFFICE_HOURS = '周一至周五 9:00—12:00、13:30—17:00（法定节假日除外）';

/** What a marriage registry does not handle, and the office each is sent to: its street address, phone and hours. */
export const DEMO_REFERRALS: Readonly<Record<string, CatalogueReferral>> = {
  'MZ-DIBAO': { where: '示范区民政局 社会救助科', address: '示范区建设路 88 号 区民政局一楼 105 室', phone: '010-87653105', hours: OFFICE_HOURS },
  'MZ-LSJZ': { where: '示范区民政局 社会救助科', address: '示范区建设路 88 号 区民政局一楼 105 室', phone: '010-87653105', hours: OFFICE_HOURS },
  'MZ-YLBT': { where: '示范区民政局 养老服务科', address: '示范区建设路 88 号 区民政局二楼 203 室', phone: '010-87653203', hours: OFFICE_HOURS },
  'CL-2SUBSIDY': { where: '示范区残疾人联合会 服务大厅', address: '示范区和平街 12 号 区残联一楼', phone: '010-87653210', hours: OFFICE_HOURS },
  'SOC-ORG-REG': { where: '示范区行政审批局 社会组织登记窗口', address: '示范区人民路 1 号 区政务服务中心二楼 B 区', phone: '010-87653300', hours: OFFICE_HOURS },
};

/**
 * The demo office's catalogue: the shipped one, where the registry's window
 * handles every marriage matter its clerks' badges name, and every other
 * matter is referred to its own office.
 */
export function demoCatalogue(): Catalogue {
  const shipped = catalogueSchema.parse(defaultCatalogueJson);
  return {
    ...shipped,
    version: `${shipped.version}.1`,
    items: shipped.items.map((item) => {
      const referral = DEMO_REFERRALS[item.code];
      return referral ? { ...item, windows: [], referral } : { ...item, windows: [DEMO_HALL.windowNo] };
    }),
  };
}

/** A plain head-and-shoulders silhouette on a coloured ground: no fonts needed. */
export async function avatarJpeg(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},55%,78%)"/><stop offset="1" stop-color="hsl(${hue},45%,58%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <ellipse cx="180" cy="190" rx="78" ry="92" fill="hsl(${hue},25%,96%)"/>
    <path d="M40 480 C40 360 110 300 180 300 C250 300 320 360 320 480 Z" fill="hsl(${hue},35%,30%)"/>
    <path d="M150 300 L180 360 L210 300 Z" fill="#fff"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function value<T>(step: string, pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`demo seeding failed at ${step}: ${result.error.message}`);
  return result.value;
}

/** Seeds through the API, as a supervisor would, so the demo obeys every rule. Returns false if already set up. */
export async function seedDemo(core: CounterCore): Promise<boolean> {
  if (core.ctx.settings.get().setupComplete) return false;
  const [head, ...clerks] = DEMO_STAFF;
  await value('setup', core.call('setup.complete', {
    hall: DEMO_HALL,
    supervisor: { name: head.name, staffNo: head.staffNo, title: head.title, pin: head.pin },
  }));
  const session = await value('login', core.call('auth.login', { staffNo: head.staffNo, pin: head.pin }));
  const headId = session.staff.id;
  await value('office settings', core.call('settings.update', { officePhone: DEMO_OFFICE_PHONE, registrationOfficeCode: DEMO_REGISTRATION_OFFICE }));
  await value('catalogue', core.call('catalogue.import', { content: JSON.stringify(demoCatalogue()) }));
  await value('supervisor', core.call('staff.update', { id: headId, duties: head.duties, partyMember: head.partyMember }));
  await value('photo', core.call('staff.setPhoto', { id: headId, imageBase64: (await avatarJpeg(head.hue)).toString('base64') }));
  for (const c of clerks) {
    const { hue, ...fields } = c;
    const created = await value(c.staffNo, core.call('staff.create', fields));
    await value(`${c.staffNo} photo`, core.call('staff.setPhoto', { id: created.id, imageBase64: (await avatarJpeg(hue)).toString('base64') }));
  }
  await value('logout', core.call('auth.logout', {}));
  return true;
}
