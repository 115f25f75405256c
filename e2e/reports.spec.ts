import { expect, test } from './fixtures';
import { apiAs, pagePost, signIn } from './helpers';

test('the province standing committee drafts an annual report, previews it, issues it under the number it confirms, publishes it; others are refused', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'btt.tinh');
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo' })).toBeVisible();
  await page.getByLabel('Loại báo cáo').selectOption('annual');
  await page.getByLabel('Năm', { exact: true }).selectOption('2025');
  await expect(page.getByText('Kỳ báo cáo: từ 01/01/2025 đến 31/12/2025')).toBeVisible();
  await page.getByLabel('Nhiệm vụ trọng tâm kỳ tới (mỗi dòng một nhiệm vụ)').fill('Tổ chức Ngày hội Đại đoàn kết ở 100% khu dân cư');
  await page.getByRole('button', { name: 'Lập báo cáo' }).click();

  // The job page: a progress bar until the worker has made the draft — which has no number.
  await expect(page.getByRole('progressbar', { name: 'Tiến độ lập báo cáo' })).toBeVisible();
  await expect(page.getByText('Dự thảo (chưa có số)', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Báo cáo năm — dự thảo lần \d+$/);
  await expect(page.getByRole('link', { name: 'Tải báo cáo (.docx)' })).toHaveCount(0);
  const id = page.url().split('/').pop()!;

  // The preview prints the document as it will be issued, without a number yet.
  const preview = page.getByRole('article', { name: 'Xem trước văn bản' });
  await expect(preview.getByText('Số: …/BC-MTTQ', { exact: false })).toBeVisible();
  await expect(preview.getByText('Kết quả công tác Mặt trận năm 2025')).toBeVisible();
  await expect(preview.getByRole('heading', { name: /^I+\. NHIỆM VỤ TRỌNG TÂM KỲ TỚI$/ })).toBeVisible();
  await expect(preview.getByText('1. Tổ chức Ngày hội Đại đoàn kết ở 100% khu dân cư')).toBeVisible();

  await page.getByLabel('Góp ý cho dự thảo').fill('Đề nghị bổ sung kết quả giám sát.');
  await page.getByRole('button', { name: 'Gửi góp ý' }).click();
  await expect(page.getByText(': Đề nghị bổ sung kết quả giám sát.', { exact: false })).toBeVisible();

  // Submit, then issue: the confirmation shows the number it will take; only confirming takes it.
  await page.getByRole('button', { name: 'Trình duyệt' }).click();
  await expect(page.getByText('Đã trình duyệt, chờ ban hành', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xác nhận ban hành báo cáo' });
  await expect(dialog.getByText(/Báo cáo sẽ được ban hành với số \d+\/BC-MTTQ/)).toBeVisible();
  const symbol = (await dialog.getByText(/Báo cáo sẽ được ban hành với số/).textContent())!.match(/số (\d+\/BC-MTTQ)/)![1];
  await dialog.getByRole('button', { name: `Ban hành số ${symbol}` }).click();
  await expect(page.getByText('Đã ban hành', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Số ${symbol}`);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải báo cáo (.docx)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^bao-cao-\d+-BC-MTTQ-\d{4}-\d{2}-\d{2}\.docx$/);

  // Every figure leads to the metric behind it, for the report's unit and period.
  await page.locator('summary').filter({ hasText: '1.1. Tuyên truyền, vận động' }).click();
  const villages = page.getByRole('listitem').filter({ hasText: 'Tổng số thôn, tổ dân phố:' }).getByRole('link');
  await expect(villages).toHaveText(/^\d[\d.]*$/);
  await villages.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Số đơn vị hành chính theo cấp' })).toBeVisible();
  await page.goBack();

  await page.getByRole('button', { name: 'Công khai báo cáo' }).click();
  await expect(page.getByText('Báo cáo đã được công khai.')).toBeVisible();

  // The list of reports made, and the public page, which needs no account.
  await page.getByRole('link', { name: '← Báo cáo' }).click();
  await expect(page.getByRole('link', { name: `Số ${symbol}` }).first()).toBeVisible();

  // Generating the same period again makes a new draft version, never a number.
  const again = await pagePost(page, '/api/reports', {
    template: 'annual',
    unit: Number((await (await page.request.get(`/api/reports/${id}`)).json()).unitId),
    from: '2025-01-01',
    to: '2025-12-31',
  });
  const v2 = await again.json();
  expect(v2).toMatchObject({ status: 'queued', issued: null });
  expect(v2.version).toBeGreaterThan(1);

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
    await expect(page.getByText('Dự thảo (chưa có số)', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Báo cáo tháng · Phường Bắc Giang · 01/12/2025 – 31/12/2025')).toBeVisible();
    // Unit staff draft and submit reports; the standing committee issues them.
    await page.getByRole('button', { name: 'Trình duyệt' }).click();
    await expect(page.getByText('Đã trình duyệt, chờ ban hành', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ban hành…' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
