import { expect, test } from './fixtures';
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
  await dialog.getByLabel('Tìm thôn, tổ dân phố').fill('tran phu 2');
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

test('registering a household: the village is found by typing without diacritics (nothing pre-chosen), and its members are entered with the head', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/households');
  await page.getByRole('button', { name: 'Thêm hộ' }).click();
  const dialog = page.getByRole('dialog');
  const village = dialog.getByLabel('Thôn, tổ dân phố', { exact: true });
  await expect(village).toHaveValue('');
  await expect(village.locator('option')).not.toHaveCount(1);
  // The list is in Vietnamese order: "Tổ dân phố Trần Phú 2" comes before "Tổ dân phố Trần Phú 10".
  const labels = await village.locator('option').allTextContents();
  const two = labels.indexOf('Tổ dân phố Trần Phú 2');
  expect(two).toBeGreaterThan(0);
  if (labels.includes('Tổ dân phố Trần Phú 10')) expect(two).toBeLessThan(labels.indexOf('Tổ dân phố Trần Phú 10'));
  await expect(dialog.getByRole('button', { name: 'Lưu' })).toBeDisabled();
  await dialog.getByLabel('Tìm thôn, tổ dân phố').fill('tran phu 2');
  await expect(village.locator('option:checked')).toHaveText('Tổ dân phố Trần Phú 2');
  const head = `Hoàng Văn Thử ${Date.now() % 100000}`;
  await dialog.getByLabel('Họ tên chủ hộ').fill(head);
  await dialog.getByLabel('Năm sinh', { exact: true }).fill('1971');
  await dialog.getByRole('button', { name: 'Thêm thành viên' }).click();
  await dialog.getByLabel('Họ tên thành viên 2').fill('Đỗ Thị Thử');
  await dialog.getByLabel('Năm sinh thành viên 2').fill('1974');
  await dialog.getByLabel('Quan hệ với chủ hộ (thành viên 2)').selectOption({ label: 'Vợ/chồng' });
  await dialog.getByRole('button', { name: 'Thêm thành viên' }).click();
  await dialog.getByLabel('Họ tên thành viên 3').fill('Hoàng Minh Thử');
  await dialog.getByLabel('Năm sinh thành viên 3').fill('2005');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: head })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tổ dân phố Trần Phú 2' })).toBeVisible();
  const members = page.locator('.member-list > li');
  await expect(members).toHaveCount(3);
  await expect(members.filter({ hasText: 'Đỗ Thị Thử' })).toContainText('Vợ/chồng');
  await expect(members.filter({ hasText: 'Hoàng Minh Thử' })).toContainText('(2005)');
});
