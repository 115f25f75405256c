import { expect, test } from '@playwright/test';
import { apiAs, signIn, unitId } from './helpers';

test('a ward officer sees on one screen what the province asked of the ward and by when, and answers', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.getByRole('link', { name: 'Chỉ đạo, hướng dẫn' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ đạo, hướng dẫn' })).toBeVisible();
  const inbox = page.locator('section', { has: page.getByRole('heading', { name: 'Việc cấp trên giao cho đơn vị' }) });
  const festival = inbox.locator('li', { hasText: '412/CV-MTTQ' });
  await expect(festival).toContainText('Đúng hạn');
  await expect(festival).toContainText('Hạn: 20/11/2026');
  await expect(festival).toContainText('Tỉnh Bắc Ninh');
  const summary = inbox.locator('li', { hasText: '455/HD-MTTQ' });
  await expect(summary).toHaveCount(2);
  await expect(summary.first()).toContainText('Hạn: 15/12/2026');
  await expect(summary.first()).toContainText('Chưa đến hạn');
  // Only the ward's own obligations: no other ward's answer shows here.
  await expect(inbox).not.toContainText('Báo cáo muộn');

  const report = summary.filter({ hasText: 'Báo cáo tổng kết' });
  await report.getByRole('button', { name: 'Trả lời' }).click();
  await page.getByLabel('Nội dung trả lời').fill('Đã tổ chức hội nghị tổng kết ngày 04/12/2026, gửi kèm báo cáo.');
  await page.getByRole('button', { name: 'Gửi trả lời' }).click();
  await expect(report).not.toContainText('Chưa đến hạn');
  await expect(report).toContainText('trả lời ngày');
  await expect(report.getByRole('button', { name: 'Trả lời' })).toHaveCount(0);
});

test('the province sees exactly which wards and communes have not answered its directive', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const province = await unitId(admin, 'Bắc Ninh', '24', '2026-06-01');
  const res = await admin.get(`/api/direction/duties?unit=${province}&status=not_answered&limit=1000`);
  const expected = ((await res.json()).rows as Array<{ number: string; unitName: string }>).filter((r) => r.number === '412/CV-MTTQ').map((r) => r.unitName);
  expect(expected.length).toBeGreaterThan(5);

  await signIn(page, 'btt.tinh');
  await page.goto('/direction');
  const card = page.locator('[data-testid^="overdue-"]', { hasText: '412/CV-MTTQ' });
  await expect(card).toContainText(`${expected.length} đơn vị chưa trả lời`);
  const listed = await card.getByRole('list', { name: 'Chưa trả lời' }).locator('li').allInnerTexts();
  expect(listed.sort()).toEqual([...expected].sort());
  expect(listed).not.toContain('Phường Bắc Giang');
  await card.getByRole('button', { name: 'Nhắc các đơn vị chưa trả lời' }).click();
  await expect(page.getByText(`Đã ghi nhắc nhở ${expected.length} đơn vị.`)).toBeVisible();
});
