/** Filling the 婚姻登记 form the way a clerk does: the ID card reader, then the keyboard. */
import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { ReadJob } from '../support/escpos-reader';
import { ARTIFACTS_DIR } from './host';
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

/** What the clerk sees on a 1366×768 counter screen scrolled to `show` (the viewport, not the whole page), then the test's size again. */
export async function counterScreenshot(page: Page, name: string, show: Locator): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 768 });
  await show.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-1366x768.png`) });
  if (size) await page.setViewportSize(size);
}
