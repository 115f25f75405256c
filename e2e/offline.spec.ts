import { expect, test } from './fixtures';
import { installApp, signIn } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });

test("a village board head records two support acts and the year's review offline; back online they are recorded once each", async ({ page, context }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, 'bancongtac.bacgiang.1');
  await page.goto('/households');
  await page.locator('main a[href*="?year="]').first().click();
  await expect(page).toHaveURL(/\/households\/\d+/);
  const url = page.url();
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  // The installed app: the service worker controls the page and keeps the pages read last.
  await installApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  for (const [kind, note] of [
    ['Hỗ trợ khám chữa bệnh', `Ngoại tuyến A ${stamp}`],
    ['Hỗ trợ thường xuyên', `Ngoại tuyến B ${stamp}`],
  ]) {
    await page.getByRole('button', { name: 'Ghi nhận hỗ trợ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Hình thức hỗ trợ').selectOption({ label: kind });
    await dialog.getByLabel('Giá trị (đồng)').fill('200000');
    await dialog.getByLabel('Ghi chú').fill(note);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã lưu trên máy; sẽ tự gửi khi có mạng.')).toBeVisible();
  }
  // The year's review too: its housing need set offline.
  const review = page.getByRole('button', { name: /^Rà soát năm/ });
  const reviewYear = /\d{4}/.exec((await review.textContent())!)![0];
  await review.click();
  await page.getByRole('dialog').getByLabel('Nhu cầu nhà ở').selectOption({ label: 'Cần sửa chữa' });
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu trên máy; sẽ tự gửi khi có mạng.')).toBeVisible();
  await expect(page.getByTestId('outbox')).toContainText('3 việc đang chờ gửi.');

  await context.setOffline(false);
  await expect(page.getByTestId('outbox')).toHaveCount(0, { timeout: 20_000 });
  await page.goto(url);
  for (const note of [`Ngoại tuyến A ${stamp}`, `Ngoại tuyến B ${stamp}`]) {
    await expect(page.getByText(note)).toHaveCount(1);
  }
  await expect(page.locator('table.stack tbody tr').filter({ hasText: reviewYear })).toContainText('Cần sửa chữa');
  // Nothing is left waiting on the device, so nothing can be sent again.
  expect(await page.evaluate(() => localStorage.getItem('dk-outbox'))).toBe('[]');
});

test('a mediation team head records a case offline; back online it is recorded once, parties masked', async ({ page, context }) => {
  const summary = `Tranh chấp ngoại tuyến ${Date.now().toString(36)}`;
  await signIn(page, 'bancongtac.bacgiang.1');
  await page.goto('/mediation');
  await installApp(page);
  await expect(page.getByTestId('cases')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Ghi vụ việc' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tóm tắt (không ghi tên người)').fill(summary);
  await dialog.getByLabel('Bên 1: họ và tên').fill('Ngô Văn Mạng');
  await dialog.getByLabel('Bên 2: họ và tên').fill('Lã Thị Sóng');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu trên máy; sẽ tự gửi khi có mạng.')).toBeVisible();
  await expect(page.getByTestId('outbox')).toContainText('1 việc đang chờ gửi.');

  await context.setOffline(false);
  await expect(page.getByTestId('outbox')).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  const mine = page.getByTestId('cases').getByRole('listitem').filter({ hasText: summary });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Ngô V. M. – Lã T. S.');
});
