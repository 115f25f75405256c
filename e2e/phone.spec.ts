import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('on a phone the commune map comes before the long list of targets, and the page is named in the tab', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/targets');
  await page.getByLabel('Năm', { exact: true }).selectOption('2026');
  const map = page.getByRole('heading', { name: 'Bản đồ xã, phường' });
  const list = page.getByTestId('targets-summary');
  await expect(map).toBeVisible();
  await expect(list).toBeVisible();
  const [m, l] = [await map.boundingBox(), await list.boundingBox()];
  expect(m!.y).toBeLessThan(l!.y);
  await expect(page).toHaveTitle(/ · Đoàn Kết$/);
  expect(await page.title()).not.toBe('Đoàn Kết');
});

test("on a phone a fund's donations are cards: the receipt link is on screen, each cell says its column, nothing scrolls sideways", async ({ page }) => {
  await signIn(page, 'ketoan.bacgiang');
  await page.goto('/fund');
  await page.locator('a[href^="/fund/funds/"]').first().click();
  const table = page.locator('table.stack').first();
  const receipt = table.locator('tbody tr').first().locator('td[data-label="Biên nhận"] a');
  await expect(receipt).toBeVisible();
  const box = (await receipt.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveAttribute('data-label', 'Ngày nhận');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
