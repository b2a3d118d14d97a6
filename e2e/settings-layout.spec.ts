/**
 * The settings from 1024 x 640 up, in both languages (issue 41): every group is a card whose
 * contents stay inside it, long help text wraps instead of running out of the dialog, the
 * controls of a group line up in one column, and the close button stays in reach however far
 * the dialog is scrolled. Layout is compared, not pixels.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
];

/** What breaks the settings' layout, described; empty when nothing does. */
function problems(page: Page): Promise<string[]> {
  return page.$eval('dialog.settings', (dialog) => {
    const found: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()} «${(e.textContent ?? '').trim().slice(0, 40)}»`;
    if (dialog.scrollWidth > dialog.clientWidth + 1) found.push(`the dialog scrolls sideways (${dialog.scrollWidth} > ${dialog.clientWidth})`);
    for (const group of dialog.querySelectorAll(':scope > fieldset')) {
      const box = group.getBoundingClientRect();
      if (getComputedStyle(group).borderTopStyle === 'none') found.push(`${name(group)}: not drawn as a card`);
      for (const e of group.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > box.right + 0.5) found.push(`${name(e)}: leaves its group (${Math.round(r.right)} > ${Math.round(box.right)})`);
      }
      // The controls of a group's rows start at one x: a column, not a ragged edge.
      const starts = new Set([...group.querySelectorAll(':scope > .setting-row')].map((row) => Math.round(row.lastElementChild!.getBoundingClientRect().left)));
      if (starts.size > 1) found.push(`${name(group)}: controls at ${[...starts].join(', ')} px`);
    }
    return found;
  });
}

for (const size of SIZES) {
  test(`settings at ${size.width} x ${size.height}, Spanish and English: cards, wrapped help, one column of controls`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    for (const language of ['es', 'en']) {
      await page.keyboard.press('Control+,');
      const dialog = page.locator('dialog.settings');
      await expect(dialog).toBeVisible();
      await page.getByRole('combobox', { name: /Idioma|Language/ }).selectOption(language);
      await expect(page.locator('dialog.settings fieldset').nth(3)).toBeVisible();
      expect(await problems(page), language).toEqual([]);
      // Scrolled to its end, the dialog still shows its title and its close button.
      await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
      const close = page.getByRole('button', { name: /^(Cerrar|Close)$/ });
      await expect(close).toBeInViewport();
      await expect(page.locator('#settings-title')).toBeInViewport();
      await close.click();
    }
  });
}

test('settings closed and opened again at once still show every group', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Control+,');
  await expect(page.locator('dialog.settings fieldset').nth(3)).toBeVisible();
  // Close and Ctrl+, in one task: the dialog's close event arrives after it is open again (as it
  // did, behind the key press, on a busy machine). Then two frames for the window to redraw.
  await page.evaluate(async () => {
    const dialog = document.querySelector<HTMLDialogElement>('dialog.settings')!;
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    dialog.querySelector<HTMLButtonElement>(':scope > .dialog-actions button')!.click();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ',', ctrlKey: true }));
    await closed;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await expect(page.locator('dialog.settings')).toBeVisible();
  await expect(page.locator('dialog.settings fieldset').nth(3)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /reglas|rules/i })).toBeVisible();
});
