import { expect, test } from './fixtures';
import { installApp, signIn } from './helpers';
import { todayIso } from '../apps/web/src/format';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });

  test('a village work board head records the Solidarity Day of their village, without a connection at the village hall', async ({ page, context }) => {
    await signIn(page, 'bancongtac.bacgiang.1');
    await page.goto('/movements/solidarity');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ngày hội Đại đoàn kết toàn dân tộc');
    const year = todayIso().slice(0, 4);
    await expect(page.getByTestId('solidarity-summary')).toHaveText(`Năm ${year}: 0/1 thôn, tổ dân phố đã tổ chức`);
    // The installed app keeps the page; the day is recorded offline and sent once the phone is back online.
    await installApp(page);
    // Read once through the service worker, so the page is kept for the village hall.
    await expect(page.getByTestId('solidarity-summary')).toHaveText(`Năm ${year}: 0/1 thôn, tổ dân phố đã tổ chức`);
    await expect(page.getByRole('button', { name: 'Đổi đơn vị' })).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Ghi Ngày hội năm nay' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số lượt người tham gia').fill('650');
    await dialog.getByLabel('Lãnh đạo phòng, ngành, phường, xã').fill('3');
    await dialog.getByLabel('Cá nhân được khen thưởng').fill('12');
    await expect(dialog.getByLabel('Có bữa cơm đoàn kết')).toBeChecked();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã lưu trên máy; sẽ tự gửi khi có mạng.')).toBeVisible();
    await expect(page.getByTestId('outbox')).toContainText('1 việc đang chờ gửi.');
    await context.setOffline(false);
    await expect(page.getByTestId('outbox')).toHaveCount(0, { timeout: 20_000 });
    await page.reload();
    await expect(page.getByTestId('solidarity-summary')).toHaveText(`Năm ${year}: 1/1 thôn, tổ dân phố đã tổ chức`);
    await expect(page.getByTestId('festivals').getByRole('listitem')).toHaveCount(1);
    const item = page.getByTestId('festivals').getByRole('listitem').first();
    await expect(item).toContainText('650 lượt người tham gia · 3 lượt lãnh đạo');
    await expect(item).toContainText('Có bữa cơm đoàn kết');
    await expect(page.getByRole('button', { name: 'Ghi Ngày hội năm nay' })).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});

test('a citizen answers a satisfaction survey once for their household', async ({ page }) => {
  await page.goto('/public/surveys/BACGIANG26');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Lấy ý kiến sự hài lòng của người dân năm 2026/);
  await page.getByLabel('Mã hộ gia đình').fill('HB-2026-0042');
  await page.getByLabel('Hài lòng', { exact: true }).check();
  await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(page.getByText('Cảm ơn ông/bà đã trả lời. Ý kiến đã được ghi nhận.')).toBeVisible();
  // The same household again, typed differently: refused, in Vietnamese.
  await page.reload();
  await page.getByLabel('Mã hộ gia đình').fill('hb 2026 0042');
  await page.getByLabel('Rất hài lòng').check();
  await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(page.getByText('Hộ gia đình này đã trả lời cuộc khảo sát; mỗi hộ chỉ trả lời một lần')).toBeVisible();
});

test('a ward officer reads the survey results with sample size and margin, and types in paper forms', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/movements/surveys');
  const card = page.getByTestId('survey').filter({ hasText: 'BACGIANG26' });
  await expect(card.getByTestId('results')).toContainText(/Hài lòng \d+(,\d)?% \(sai số ± \d+(,\d)?%, \d+ phiếu\)/);
  const before = Number((await card.getByTestId('results').innerText()).match(/(\d+) phiếu/)![1]);
  await card.getByRole('button', { name: 'Nhập phiếu giấy' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Hài lòng', { exact: true }).fill('7');
  await dialog.getByLabel('Chưa hài lòng').fill('1');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(card.getByTestId('results')).toContainText(`${before + 8} phiếu`);
});
