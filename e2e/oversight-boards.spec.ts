import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

// The oversight pages beyond supervisions: the annual plan and its approval, opinions on drafts and
// officials, and the people's boards with their supervisions and violations.

test("a ward officer draws up next year's plan and the standing committee approves it", async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/oversight/plan?year=2027');
  await expect(page.getByText('Đơn vị chưa có kế hoạch giám sát, phản biện năm 2027.')).toBeVisible();
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
  const dialog = page.getByRole('dialog');
  // Sent empty, the form says which fields are missing and sends nothing.
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Vui lòng sửa các ô được đánh dấu bên dưới')).toBeVisible();
  await expect(dialog.getByText('Không được để trống')).toHaveCount(4);
  const titles = dialog.getByLabel('Tên nội dung giám sát, phản biện');
  const subjects = dialog.getByLabel('Cơ quan, cá nhân, chính sách được giám sát');
  await titles.nth(0).fill('Giám sát việc thu, chi các khoản đóng góp của Nhân dân');
  await subjects.nth(0).fill('UBND phường Bắc Giang');
  await titles.nth(1).fill('Phản biện dự thảo Đề án chỉnh trang đô thị');
  await subjects.nth(1).fill('UBND phường Bắc Giang');
  await dialog.getByLabel('Quý', { exact: true }).nth(1).selectOption({ label: 'Quý 3' });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Dự thảo, chưa phê duyệt');
  await expect(page.getByTestId('plan-topics').getByRole('listitem')).toHaveCount(2);
  const progress = page.getByTestId('plan-progress').getByRole('listitem');
  await expect(progress.nth(0)).toContainText('Chỉ tiêu: 1–2/năm');
  await expect(progress.nth(0)).toContainText('Kế hoạch đủ chỉ tiêu');
  await expect(progress.nth(1)).toContainText('Chỉ tiêu: ≥ 1/năm');
  // Staff cannot approve their own plan.
  await expect(page.getByRole('button', { name: 'Phê duyệt' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, 'btt.bacgiang');
  await page.goto('/oversight/plan?year=2027');
  await page.getByRole('button', { name: 'Phê duyệt' }).click();
  const approve = page.getByRole('dialog');
  await approve.getByLabel('Ý kiến của cấp ủy').fill('Đảng ủy phường thống nhất; tập trung giám sát các khoản đóng góp');
  await approve.getByRole('button', { name: 'Phê duyệt' }).click();
  await expect(page.getByTestId('plan-status')).toContainText('Ban Thường trực đã phê duyệt ngày');
  await expect(page.getByText('Đảng ủy phường thống nhất; tập trung giám sát các khoản đóng góp')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sửa kế hoạch' })).toHaveCount(0);
  // Next year's topics are carried out next year.
  await expect(page.getByRole('button', { name: 'Ghi kết quả thực hiện' })).toHaveCount(0);
  await expect(page.getByTestId('plan-topics')).toContainText('Chưa thực hiện');
});

test('a ward officer records the opinions of a conference on two drafts', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/oversight/opinions');
  await page.getByRole('button', { name: 'Ghi ý kiến góp ý' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên hội nghị, đợt góp ý').fill('Hội nghị góp ý dự thảo văn bản tháng 12');
  await dialog.getByLabel('Số người tham gia').fill('ba mươi');
  await dialog.getByLabel('Tên dự thảo').fill('Dự thảo Luật Đất đai (sửa đổi)');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Nhập một số nguyên, từ 0 trở lên')).toHaveCount(2);
  await dialog.getByLabel('Số người tham gia').fill('35');
  await dialog.getByLabel('Số lượt ý kiến').fill('14');
  await dialog.getByRole('button', { name: 'Thêm dự thảo' }).click();
  await dialog.getByLabel('Tên dự thảo').nth(1).fill('Dự thảo Nghị quyết HĐND tỉnh về phí, lệ phí');
  await dialog.getByLabel('Loại văn bản').nth(1).selectOption({ label: 'Nghị quyết, đề án của tỉnh' });
  await dialog.getByLabel('Số lượt ý kiến').nth(1).fill('6');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  const first = page.getByTestId('opinion-sessions').getByRole('listitem').first();
  await expect(first).toContainText('Hội nghị góp ý dự thảo văn bản tháng 12');
  await expect(first).toContainText('35 người tham gia');
  await expect(first).toContainText('Dự thảo Luật Đất đai (sửa đổi) (Dự thảo luật, pháp lệnh): 14 ý kiến');
  await expect(first).toContainText('Dự thảo Nghị quyết HĐND tỉnh về phí, lệ phí (Nghị quyết, đề án của tỉnh): 6 ý kiến');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("a board is recorded, and its supervision with a violation shows in the board's list", async ({ page }) => {
    await signIn(page, 'canbo.bacgiang');
    await page.goto('/oversight/boards');
    await page.getByRole('button', { name: 'Ghi Ban mới bầu' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('Loại Ban').selectOption({ label: 'Ban Giám sát đầu tư của cộng đồng' });
    await create.getByLabel('Công trình, dự án được giám sát').fill('Cải tạo nhà văn hóa tổ dân phố Trần Phú 1');
    await create.getByLabel('Nhiệm kỳ', { exact: true }).fill('2026–2027');
    const names = create.getByLabel('Họ và tên');
    for (const [i, name] of ['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Văn Bình', 'Phạm Thị Hoa'].entries()) await names.nth(i).fill(name);
    await create.getByRole('button', { name: 'Lưu' }).click();
    await expect(create.getByText('Cần ít nhất 5 thành viên có họ tên (hiện có 4)')).toBeVisible();
    await names.nth(4).fill('Hoàng Văn Minh');
    await create.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ban Giám sát đầu tư của cộng đồng');
    await expect(page.getByTestId('board-members').getByRole('listitem')).toHaveCount(5);

    await page.getByRole('button', { name: 'Ghi cuộc giám sát' }).click();
    const sup = page.getByRole('dialog');
    await sup.getByLabel('Nội dung giám sát').fill('Giám sát chất lượng mái nhà văn hóa');
    await sup.getByLabel('Kết quả giám sát').fill('Tôn lợp mỏng hơn thiết kế');
    await sup.getByLabel('Số vi phạm phát hiện').fill('1');
    await sup.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByTestId('board-supervisions').getByRole('listitem').first();
    await expect(row).toContainText('Giám sát chất lượng mái nhà văn hóa');
    await expect(row).toContainText('1 vi phạm');
    await expect(row).toContainText('Chưa khắc phục');

    await row.getByRole('button', { name: 'Ghi kết quả khắc phục' }).click();
    const remedy = page.getByRole('dialog');
    await remedy.getByLabel('Kiến nghị, biện pháp khắc phục').fill('Nhà thầu đã thay tôn đúng thiết kế');
    await remedy.getByRole('button', { name: 'Lưu' }).click();
    await expect(row).toContainText('Đã khắc phục');
    await expect(row).toContainText('Nhà thầu đã thay tôn đúng thiết kế');

    // The board shows in its ward's list with its counts.
    await page.getByRole('link', { name: 'Ban TTND, Ban GSĐTCCĐ' }).first().click();
    const listed = page.getByTestId('boards').getByRole('listitem').filter({ hasText: 'Cải tạo nhà văn hóa tổ dân phố Trần Phú 1' });
    await expect(listed).toContainText('5 thành viên · 1 cuộc giám sát · 1 vi phạm phát hiện');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});

test('the plan, opinions and boards pages have no serious accessibility violation', async ({ page }) => {
  await signIn(page, 'btt.bacgiang');
  for (const url of ['/oversight/plan', '/oversight/opinions', '/oversight/boards']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      url,
    ).toEqual([]);
    if (url === '/oversight/boards') {
      await page.getByTestId('boards').getByRole('link', { name: 'Ban Giám sát đầu tư của cộng đồng – Nhà văn hóa tổ dân phố', exact: true }).click();
      await expect(page.getByTestId('board-members')).toBeVisible();
      // The demo's investment board never sent its report for Q2/2026: the page says so.
      await expect(page.getByTestId('reports-missing')).toContainText('Quý 2/2026');
      const board = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(
        board.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
        'board page',
      ).toEqual([]);
    }
  }
});
