import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('an administrator creates an account, sees its history and finds it in the filtered audit trail', async ({ page }) => {
  const username = `canbo.thu.${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('link', { name: 'Tạo tài khoản' }).click();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên (tên hiển thị)').fill('Nguyễn Thị Thử');
  await page.getByLabel('Vai trò').selectOption({ label: 'Cán bộ chuyên trách' });
  await page.getByRole('button', { name: 'Chọn đơn vị' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tìm đơn vị').fill('phuong da mai');
  await dialog.getByRole('button', { name: 'Phường Đa Mai', exact: true }).click();
  await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-thu-nghiem');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

  await expect(page.getByText(`Đã tạo tài khoản ${username}.`)).toBeVisible();
  await expect(page.getByText('Lịch sử của bản ghi này')).toBeVisible();

  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký thay đổi' }).click();
  const filters = page.getByRole('form', { name: 'Bộ lọc' });
  await filters.getByLabel('Người thực hiện').fill('admin');
  await filters.getByLabel('Loại bản ghi').fill('user');
  await filters.getByRole('button', { name: 'Áp dụng' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'bởi admin' }).first();
  await expect(row).toContainText('Tạo mới');
  await expect(row).toContainText('Phường Đa Mai');
  await row.getByText(/Xem nội dung/).click();
  await expect(row.getByText(username)).toBeVisible();

  // The new account signs in and works inside its own ward only.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-thu-nghiem');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Phường Đa Mai').first()).toBeVisible();
});

test('English is one tap away and stays chosen', async ({ page }) => {
  await signIn(page, 'canbo.damai');
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Units' })).toBeVisible();
  // Reopened in English: the English messages load before anything shows, so no Vietnamese flashes first.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(document.body?.innerText ?? '')).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Units' })).toBeVisible();
  const shown = await page.evaluate(() => (window as unknown as { seen: string[] }).seen.join('\n'));
  expect(shown).not.toContain('Đơn vị');
  expect(shown).not.toContain('Trang chủ');
  expect(shown).not.toContain('Đang tải');
  // A module's page brings its own messages (loaded with its code), in the language chosen.
  await page.getByRole('navigation').getByRole('link', { name: 'Front organisation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front committees and boards');
  await page.getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ủy ban MTTQ và các ban');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a village board head opens the menu and reaches their work board', async ({ page }) => {
    await signIn(page, 'bancongtac.bacgiang.1');
    const menu = page.getByRole('button', { name: 'Mở danh mục' });
    await expect(menu).toBeVisible();
    await menu.click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổ chức Mặt trận' }).click();
    await expect(
      page
        .getByRole('main')
        .getByText(/Ban công tác Mặt trận/)
        .first(),
    ).toBeVisible();
    // Nothing overflows the screen sideways.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
