import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('canbo.bacgiang records a Tết gift from the not-yet-reached list, and the household leaves it', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.getByRole('link', { name: 'Hộ gia đình' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hộ gia đình và an sinh xã hội' })).toBeVisible();
  await page.getByRole('link', { name: 'Chưa được hỗ trợ' }).click();
  await expect(page.getByRole('heading', { name: /Hộ nghèo, cận nghèo chưa nhận quà Tết/ })).toBeVisible();

  const missing = page.getByTestId('missing-count');
  await expect(missing).not.toHaveText('0');
  const before = Number(await missing.textContent());
  const item = page.locator('li.missing').first();
  const href = await item.getByRole('link').first().getAttribute('href');
  const name = (await item.getByRole('link').first().textContent())!;

  await item.getByRole('button', { name: 'Ghi nhận quà Tết' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Ghi nhận quà Tết cho hộ ${name}` })).toBeVisible();
  await expect(dialog.getByLabel('Giá trị (đồng)')).toHaveValue('500.000');
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByText(`Đã ghi nhận quà Tết cho hộ ${name}.`)).toBeVisible();
  await expect(missing).toHaveText(String(before - 1));
  await expect(page.locator(`li.missing a[href="${href}"]`)).toHaveCount(0);

  // The household's page shows the gift just recorded.
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Quà Tết').first()).toBeVisible();
});

test('registering a household shows a likely duplicate before saving, with or without diacritics', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/households');
  await page.getByRole('button', { name: 'Thêm hộ' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Họ tên chủ hộ').fill('NGUYEN VAN AN');
  await dialog.getByLabel('Năm sinh').fill('1962');
  await expect(dialog.getByText('Có thể trùng với:')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Nguyễn Văn An' }).first()).toBeVisible();
  await expect(dialog.locator('.note-warn li').filter({ hasText: 'Tổ dân phố Trần Phú 2' })).toHaveCount(1);
  // Saving is refused until the official confirms having checked.
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByLabel('Tôi đã kiểm tra, vẫn lưu')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Lưu' })).toBeDisabled();
  // Another year of birth: no warning.
  await dialog.getByLabel('Năm sinh').fill('1963');
  await expect(dialog.getByText('Có thể trùng với:')).toHaveCount(0);
});
