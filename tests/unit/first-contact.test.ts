import { describe, expect, it } from 'vitest';
import { contactChangeRight, type ContactChangeRight, type ContactState } from '../../shared/domain/first-contact';

describe('首问负责: who may change a contact', () => {
  it.each([
    [true, 'clerk', 'open', 'closed', 'owner'],
    [true, 'clerk', 'notified', 'accepted', 'owner'],
    [true, 'supervisor', 'open', 'referred', 'owner'],
    [false, 'clerk', 'open', 'closed', null],
    [false, 'clerk', 'open', 'referred', null],
    [false, 'clerk', 'open', 'notified', null],
    [false, 'clerk', 'open', 'accepted', null],
    [false, 'clerk', 'notified', 'closed', null],
    [false, 'clerk', 'notified', 'referred', null],
    [false, 'clerk', 'referred', 'closed', null],
    [false, 'clerk', 'notified', 'accepted', 'resume'],
    [false, 'clerk', 'notified', 'notified', 'resume'],
    [false, 'supervisor', 'notified', 'accepted', 'resume'],
    [false, 'supervisor', 'open', 'closed', 'supervisor'],
    [false, 'supervisor', 'referred', 'closed', 'supervisor'],
    [false, 'supervisor', 'notified', 'closed', 'supervisor'],
  ] as [boolean, 'clerk' | 'supervisor', ContactState, ContactState, ContactChangeRight][])(
    'owner %s, %s, %s → %s: %s',
    (isOwner, role, from, to, right) => {
      expect(contactChangeRight({ isOwner, role, from, to })).toBe(right);
    },
  );
});
