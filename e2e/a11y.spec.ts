import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { signIn } from './helpers';

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands, with where they are. */
async function serious(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const PUBLIC_PAGES: Array<[string, string]> = [
  ['/public', 'Thông tin công khai'],
  ['/public/campaigns', ''],
  ['/public/petitions/new', 'Gửi phản ánh, kiến nghị'],
  ['/public/petitions', 'Tra cứu kết quả xử lý'],
  ['/public/petitions/mine', 'Đơn của tôi'],
  ['/public/reports', ''],
  ['/public/surveys/BACGIANG26', 'Lấy ý kiến sự hài lòng'],
];

for (const phone of [false, true]) {
  test(`no serious accessibility violation on the public pages (${phone ? 'phone' : 'desktop'})`, async ({ page }) => {
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    for (const [url, heading] of PUBLIC_PAGES) {
      await page.goto(url);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toBeVisible();
      if (heading) await expect(h1).toContainText(heading);
      await page.waitForLoadState('networkidle');
      expect(await serious(page), url).toEqual([]);
    }
  });
}

test('no serious accessibility violation on the staff home', async ({ page }) => {
  await signIn(page, 'btt.bacgiang');
  await expect(page.getByTestId('todo')).toBeVisible();
  expect(await serious(page)).toEqual([]);
});
