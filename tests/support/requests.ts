/** One well-formed request for every method of the contract; the compiler keeps the table complete. */
import type { MethodName, RequestOf } from '../../shared/contract';
import { HALL } from './core';

/** A syntactically valid UUIDv7 that no record has. */
export const UNKNOWN_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

export const VALID_REQUESTS: { [M in MethodName]: RequestOf<M> } = {
  'app.info': {},
  'setup.complete': {
    hall: { ...HALL },
    supervisor: { name: '王主任', staffNo: 'S001', title: '主任', pin: '246810' },
  },
  'settings.get': {},
  'settings.update': { hallName: '新大厅', idleLockMinutes: 10, allowLan: false },
  'auth.current': {},
  'auth.login': { staffNo: 'C001', pin: '135790' },
  'auth.logout': {},
  'auth.lock': {},
  'auth.unlock': { pin: '135790' },
  'auth.changePin': { pin: '135790', newPin: '258036' },
  'staff.list': {},
  'staff.create': { staffNo: 'C002', pin: '258036', name: '张伟', title: '登记员', duties: '离婚登记', partyMember: false, role: 'clerk' },
  'staff.update': { id: UNKNOWN_ID, name: '张伟', active: true },
  'staff.resetPin': { id: UNKNOWN_ID, newPin: '369147' },
  'staff.setPhoto': { id: UNKNOWN_ID, imageBase64: 'iVBORw0KGgo=' },
  'staff.photo': { id: UNKNOWN_ID },
  'commitments.list': {},
  'commitments.save': { items: [{ text: '首问负责', timeLimit: '当场' }] },
  'window.pause': { reason: '临时离开', returnAt: '2026-03-02T09:30:00+08:00' },
  'window.resume': {},
  'display.state': {},
};

/** Methods that only read: they may answer ok to any request their schema accepts. */
export const READ_ONLY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  'settings.get',
  'auth.current',
  'staff.list',
  'staff.photo',
  'commitments.list',
  'display.state',
]);
