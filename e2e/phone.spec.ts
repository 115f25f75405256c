import { expect, test } from '@playwright/test';
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
