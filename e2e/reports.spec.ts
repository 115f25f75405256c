import { expect, test } from '@playwright/test';
import { apiAs, pagePost, signIn } from './helpers';

test('the province standing committee generates an annual report, downloads it, publishes it; others are refused', async ({ page, baseURL }) => {
  await signIn(page, 'btt.tinh');
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo' })).toBeVisible();
  await page.getByLabel('Loại báo cáo').selectOption('annual');
  await page.getByLabel('Năm', { exact: true }).selectOption('2025');
  await expect(page.getByText('Kỳ báo cáo: từ 01/01/2025 đến 31/12/2025')).toBeVisible();
  await page.getByRole('button', { name: 'Lập báo cáo' }).click();

  // The job page: a progress bar until the worker has issued it.
  await expect(page.getByRole('progressbar', { name: 'Tiến độ lập báo cáo' })).toBeVisible();
  await expect(page.getByText('Đã ban hành', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Số \d+\/BC-MTTQ$/);
  const id = page.url().split('/').pop()!;

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải báo cáo (.docx)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^bao-cao-\d+-BC-MTTQ-\d{4}-\d{2}-\d{2}\.docx$/);

  // Every figure leads to the metric behind it, for the report's unit and period.
  await page.getByText('1.1. Tuyên truyền, vận động', { exact: false }).click();
  const villages = page.getByRole('listitem').filter({ hasText: 'Tổng số thôn, tổ dân phố:' }).getByRole('link');
  await expect(villages).toHaveText(/^\d[\d.]*$/);
  await villages.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Số đơn vị hành chính theo cấp' })).toBeVisible();
  await page.goBack();

  await page.getByRole('button', { name: 'Công khai báo cáo' }).click();
  await expect(page.getByText('Báo cáo đã được công khai.')).toBeVisible();
  const symbol = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Số ', '');

  // The list of reports made, and the public page, which needs no account.
  await page.getByRole('link', { name: '← Báo cáo' }).click();
  await expect(page.getByRole('link', { name: `Số ${symbol}` }).first()).toBeVisible();
  const anon = await page.context().browser()!.newPage();
  await anon.goto(`${baseURL}/public/reports`);
  await expect(anon.getByRole('heading', { level: 1, name: 'Báo cáo công khai' })).toBeVisible();
  await expect(anon.getByText(`Số ${symbol}`)).toBeVisible();
  await anon.close();

  // Refused: a ward official cannot read the province's report; leadership (read-only) cannot generate.
  const ward = await apiAs(baseURL!, 'canbo.bacgiang');
  const res = await ward.get(`/api/reports/${id}`);
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe('OUT_OF_SCOPE');
  await page.context().clearCookies();
  await signIn(page, 'lanhdao');
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Báo cáo đã lập' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lập báo cáo' })).toHaveCount(0);
  const refused = await pagePost(page, '/api/reports', { template: 'annual', unit: 1, from: '2025-01-01', to: '2025-12-31' });
  expect((await refused.json()).error.code).toBe('FORBIDDEN');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("a ward official makes the ward's monthly report; the page fits the screen", async ({ page }) => {
    await signIn(page, 'canbo.bacgiang');
    await page.goto('/reports');
    await page.getByLabel('Loại báo cáo').selectOption('monthly');
    await page.getByLabel('Năm', { exact: true }).selectOption('2025');
    await page.getByLabel('Tháng').selectOption('12');
    await expect(page.getByText('Kỳ báo cáo: từ 01/12/2025 đến 31/12/2025')).toBeVisible();
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await expect(page.getByText('Đã ban hành', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Báo cáo tháng · Phường Bắc Giang · 01/12/2025 – 31/12/2025')).toBeVisible();
    // Unit staff generate reports but do not publish them.
    await expect(page.getByRole('button', { name: 'Công khai báo cáo' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
