/** The slip builders carry every field DESIGN §5 requires. */
import { describe, expect, it } from 'vitest';
import type { Block, PrintDocument } from '../../shared/print/document';
import { hallDate } from '../../shared/domain/hall-time';
import { chineseDate, chineseDateTime, type SlipClerk, type SlipHall } from '../../shared/print/slips/common';
import { notificationDocument } from '../../shared/print/slips/notification';
import { receiptDocument } from '../../shared/print/slips/receipt';
import { referralDocument } from '../../shared/print/slips/referral';

const HALL: SlipHall = { hallName: '滨江区婚姻登记处', department: '滨江区民政局', windowNo: '3', officePhone: '0571-87654321', supervisionPhone: '12345' };
const CLERK: SlipClerk = { name: '李晓梅', staffNo: '1001' };

/** All the text a document prints, QR payloads included, one string. */
function allText(doc: PrintDocument): string {
  const text = (b: Block): string => {
    switch (b.kind) {
      case 'text':
        return b.text;
      case 'field':
        return `${b.label}：${b.value}`;
      case 'columns':
        return b.cells.join(' ');
      case 'qr':
        return `[QR ${b.data}]`;
      default:
        return '';
    }
  };
  return doc.blocks.map(text).join('\n');
}

describe('dates on slips (hall time, UTC+8)', () => {
  it.each([
    ['2026-09-25T02:00:00.000Z', '2026年9月25日 10:00', '2026-09-25'],
    ['2026-09-24T16:00:00.000Z', '2026年9月25日 00:00', '2026-09-25'],
    ['2026-09-24T15:59:00.000Z', '2026年9月24日 23:59', '2026-09-24'],
    ['2026-12-31T16:30:00.000Z', '2027年1月1日 00:30', '2027-01-01'],
  ])('%s → %s', (iso, dateTime, date) => {
    expect(chineseDateTime(iso)).toBe(dateTime);
    expect(hallDate(iso)).toBe(date);
  });

  it.each([
    ['2026-10-29', '2026年10月29日'],
    ['2027-01-05', '2027年1月5日'],
  ])('%s → %s', (date, expected) => expect(chineseDate(date)).toBe(expected));
});

describe('一次性告知单', () => {
  const doc = notificationDocument(HALL, CLERK, {
    number: 'GZ20260925-3-001',
    applicant: '张*丰（110105********002X）',
    matter: '最低生活保障申请',
    legalBasis: '《社会救助暂行办法》第十一条',
    receivedAt: '2026-09-25T02:00:00.000Z',
    received: ['居民身份证'],
    missing: [
      { name: '家庭收入证明', standard: '加盖村（居）委会公章', obtainFrom: '户籍所在地村（居）委会' },
      { name: '银行卡复印件', standard: '本人名下', obtainFrom: '开户银行', problem: '户名不符' },
    ],
    supplementBy: '2026-10-29',
  });
  const text = allText(doc);

  it.each([
    ['number', '编号：GZ20260925-3-001'],
    ['applicant', '申请人：张*丰（110105********002X）'],
    ['matter', '办理事项：最低生活保障申请'],
    ['legal basis', '法律依据：《社会救助暂行办法》第十一条'],
    ['date received', '接收时间：2026年9月25日 10:00'],
    ['materials received', '已收材料：居民身份证'],
    ['every missing item', '1. 家庭收入证明'],
    ['its standard', '要求：加盖村（居）委会公章'],
    ['where to get it', '办理/获取：户籍所在地村（居）委会'],
    ['a non-conforming item with its reason', '2. 银行卡复印件（不符合：户名不符）'],
    ['deadline to supplement', '补齐期限：2026年10月29日前'],
    ['consequence', '逾期后果：'],
    ['clerk name and staff number', '经办人：李晓梅（工号 1001，3 号窗口）'],
    ['office phone', '咨询电话：0571-87654321'],
    ['supervision phone', '监督电话：12345'],
    ['signature space', '申请人签收'],
    ['QR with the number', '[QR GZ20260925-3-001]'],
  ])('has the %s', (_field, expected) => expect(text).toContain(expected));

  it('says 待定 when the calendar cannot give the deadline', () => {
    const pending = notificationDocument(HALL, CLERK, {
      number: 'GZ1',
      applicant: 'a',
      matter: 'b',
      legalBasis: 'c',
      receivedAt: '2026-12-21T02:00:00.000Z',
      received: [],
      missing: [{ name: 'x', standard: 'y', obtainFrom: 'z' }],
      supplementBy: null,
    });
    expect(allText(pending)).toContain('补齐期限：待定');
    expect(allText(pending)).toContain('已收材料：无');
  });
});

describe('受理回执', () => {
  const receipt = (dueDate: string | null, applicantPhone = '13800000000') =>
    allText(
      receiptDocument(HALL, CLERK, {
        number: 'SL20260925-3-002',
        applicant: '张*丰',
        matter: '最低生活保障申请',
        received: ['居民身份证', '家庭收入证明'],
        acceptedAt: '2026-09-25T02:00:00.000Z',
        timeLimit: '20 个工作日',
        dueDate,
        applicantPhone,
        resultPickup: '短信通知后凭回执领取',
        commitments: '首问负责（当场）',
      }),
    );

  it.each([
    ['number', '编号：SL20260925-3-002'],
    ['number as QR', '[QR SL20260925-3-002]'],
    ['applicant', '申请人：张*丰'],
    ['matter', '办理事项：最低生活保障申请'],
    ['materials received', '已收材料：居民身份证、家庭收入证明'],
    ['accepted at', '受理时间：2026年9月25日 10:00'],
    ['clerk', '经办人：李晓梅（工号 1001，3 号窗口）'],
    ['phone', '咨询电话：0571-87654321'],
    ['time limit', '办理时限：20 个工作日'],
    ['promised date', '承诺办结：2026年10月29日'],
    ['how to collect', '领取方式：短信通知后凭回执领取'],
    ['commitments line', '服务承诺：首问负责（当场）'],
  ])('has the %s', (_field, expected) => expect(receipt('2026-10-29')).toContain(expected));

  it('prints 待定 when no source covers the due date', () => {
    expect(receipt(null)).toContain('承诺办结：待定');
  });

  it('promises a call for a 待定 date only when the applicant left a phone', () => {
    expect(receipt(null)).toContain('确定后电话告知');
    expect(receipt(null, '')).not.toContain('电话告知');
    expect(receipt(null, '')).toContain('确定后请凭本回执向本窗口查询');
  });
});

describe('引导单', () => {
  it('says where, the address, phone and hours', () => {
    const text = allText(
      referralDocument(HALL, CLERK, {
        number: 'YD20260925-3-001',
        applicant: '张*丰',
        matter: '社会团体成立登记',
        issuedAt: '2026-09-25T02:00:00.000Z',
        where: '区政务服务中心二楼',
        address: '滨江路 88 号',
        phone: '0571-88880000',
        hours: '工作日 9:00-17:00',
      }),
    );
    for (const expected of ['编号：YD20260925-3-001', '办理地点：区政务服务中心二楼', '地址：滨江路 88 号', '电话：0571-88880000', '办公时间：工作日 9:00-17:00', '经办人：李晓梅']) {
      expect(text).toContain(expected);
    }
  });
});
