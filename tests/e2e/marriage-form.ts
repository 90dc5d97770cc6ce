/** Filling the 婚姻登记 form the way a clerk does: the ID card reader, then the keyboard. */
import { expect, type Page } from '@playwright/test';
import type { ReadJob } from '../support/escpos-reader';
import { readIdCard } from './keyboard-wedge';

export interface E2eParty {
  side: '男方' | '女方';
  id: string;
  name: string;
  birthDate: string;
  ethnicity: string;
  education: string;
  priorStatus: string;
}

export async function fillParty(page: Page, p: E2eParty): Promise<void> {
  const field = (name: string) => page.getByLabel(`${p.side} ${name}`, { exact: true });
  await field('证件类型').focus();
  // the reader fills whichever party card has focus
  await readIdCard(page, p.id);
  // the reader's keystrokes went into the card, not into the focused select; birth date and sex come from the number
  await expect(field('证件号码')).toHaveValue(p.id);
  await expect(field('出生日期')).toHaveValue(p.birthDate);
  await expect(field('姓名')).toBeFocused();
  await page.keyboard.type(p.name);
  await field('民族').fill(p.ethnicity);
  await field('文化程度').selectOption({ label: p.education });
  await field('婚姻状况').selectOption({ label: p.priorStatus });
}

/** The printed text with wrapped lines joined again. */
export function jobText(job: ReadJob | undefined): string {
  return (job?.lines ?? []).map((l) => l.text.trim()).join('');
}
