import fs from 'node:fs';
import { expect, test, type Page } from './fixtures';

// A citizen, with no account, checks the public statement of the demo's "Bão Yagi 2024" campaign,
// which holds the real published VietinBank and Agribank statements (98,967 lines).

async function openYagi(page: Page) {
  await page.goto('/public/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Công khai các cuộc vận động' })).toBeVisible();
  await page.getByRole('link', { name: 'Bão Yagi 2024' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bão Yagi 2024' })).toBeVisible();
}

test('from the sign-in page a citizen finds the public pages without an account', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Thông tin công khai, gửi kiến nghị (không cần tài khoản)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thông tin công khai' })).toBeVisible();
  await page.getByRole('link', { name: /Công khai thu, chi các cuộc vận động/ }).click();
  await expect(page.getByRole('link', { name: 'Bão Yagi 2024' })).toBeVisible();
});

test('a citizen opens the campaign, searches a donor with or without diacritics, and downloads the CSV', async ({ page }) => {
  await openYagi(page);
  // Totals of the real statements: 33,229,937,407 + 43,553,107,197 VND.
  await expect(page.getByText('76.783.044.604 đ').first()).toBeVisible();
  await expect(page.getByText('98.967 lượt ủng hộ')).toBeVisible();

  // The campaign stopped receiving on 30 September 2024: it says so and shows no payment QR code.
  await expect(page.getByText('Cuộc vận động đã kết thúc tiếp nhận ngày 30/09/2024; không nhận thêm ủng hộ qua tài khoản này.')).toBeVisible();
  await expect(page.getByRole('img', { name: /Mã VietQR/ })).toHaveCount(0);

  // Search without diacritics, then with them: the same donors.
  const donations = page.getByRole('region', { name: 'Danh sách ủng hộ' });
  const rows = donations.locator('li');
  const status = donations.getByRole('status').filter({ hasText: 'kết quả' });
  await expect(status).toHaveText('98.967 kết quả');
  const search = page.getByLabel('Tìm theo tên hoặc nội dung');
  await search.fill('nguyen thi anh');
  await expect(page).toHaveURL(/q=nguyen/);
  await expect(status).not.toHaveText('98.967 kết quả');
  await expect(rows.first()).toContainText(/NGUYEN THI ANH/i);
  const plain = await status.textContent();
  const plainRows = await rows.allTextContents();

  await search.fill('Nguyễn Thị Ánh');
  await expect(page).toHaveURL(/q=Nguy%E1%BB%85n/);
  await expect(status).toHaveText(plain!);
  expect(await rows.allTextContents()).toEqual(plainRows);

  // Narrow by amount, then download what is shown.
  await page.getByLabel('Từ số tiền').fill('500000');
  await expect(page).toHaveURL(/min=500000/);
  await expect(rows.first()).toContainText(/NGUYEN THI ANH/i);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sao-ke-dot-\d+\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('Ngày / Date,Nhà hảo tâm / Donor,Số tiền (VND) / Amount,Nội dung / Memo,Hình thức / Kind');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) {
    expect(line).toMatch(/nguyen thi anh/i);
    expect(Number(line.split(',')[2])).toBeGreaterThanOrEqual(500000);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the list pages and nothing is wider than the screen', async ({ page }) => {
    await openYagi(page);
    await expect(page.getByRole('region', { name: 'Danh sách ủng hộ' }).locator('li')).toHaveCount(20);
    await page.getByRole('button', { name: 'Trang sau' }).first().click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText('Trang 2').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // Payments out of the campaign are listed too.
    await expect(page.getByRole('heading', { name: 'Các khoản đã phân phối' })).toBeVisible();
  });
});
