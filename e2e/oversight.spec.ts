import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('a ward officer records a supervision with two recommendations and follows one to done', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/oversight');
  await page.getByRole('button', { name: 'Ghi cuộc giám sát, phản biện' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('Nội dung giám sát, phản biện').fill('Giám sát việc thu, chi quỹ tại tổ dân phố');
  await create.getByLabel('Cơ quan, cá nhân, chính sách được giám sát').fill('UBND phường Bắc Giang');
  await create.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giám sát việc thu, chi quỹ tại tổ dân phố');

  await page.getByRole('button', { name: 'Kết thúc và ghi kết luận' }).click();
  const done = page.getByRole('dialog');
  await done.getByLabel('Kết luận').fill('Đề nghị công khai đầy đủ các khoản thu, chi');
  await done.getByRole('button', { name: 'Thêm kiến nghị' }).click();
  await done.getByRole('button', { name: 'Thêm kiến nghị' }).click();
  const contents = done.getByLabel('Nội dung kiến nghị', { exact: true });
  const agencies = done.getByLabel('Cơ quan được kiến nghị');
  await contents.nth(0).fill('Niêm yết công khai tại nhà văn hóa');
  await agencies.nth(0).fill('UBND phường');
  await contents.nth(1).fill('Báo cáo kết quả bằng văn bản');
  await agencies.nth(1).fill('Tổ dân phố số 1');
  await done.getByRole('button', { name: 'Lưu' }).click();
  const recs = page.getByTestId('recommendations').getByRole('listitem');
  await expect(recs).toHaveCount(2);
  await expect(recs.nth(0)).toContainText('Chờ trả lời');

  await recs.nth(0).getByRole('button', { name: 'Cập nhật kết quả' }).click();
  const follow = page.getByRole('dialog');
  await follow.getByLabel('Trạng thái').selectOption({ label: 'Đã khắc phục' });
  await follow.getByLabel('Trả lời của cơ quan').fill('Đã niêm yết ngày hôm nay');
  await follow.getByRole('button', { name: 'Lưu' }).click();
  await expect(recs.nth(0)).toContainText('Đã khắc phục');
  await expect(recs.nth(0).getByRole('button', { name: 'Cập nhật kết quả' })).toHaveCount(0);
  await expect(recs.nth(1)).toContainText('Chờ trả lời');
});

test('the public page of a ward shows completed supervisions without personal data', async ({ page }) => {
  await page.goto('/public/supervisions/07210');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả giám sát, phản biện xã hội');
  await expect(page.getByRole('article').first()).toContainText('Kết luận');
  await expect(page.getByText('Đoàn giám sát của Ban Thường trực')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a mediation team head records a case and sees the parties masked', async ({ page }) => {
    await signIn(page, 'bancongtac.bacgiang.1');
    await page.goto('/mediation');
    await page.getByRole('button', { name: 'Ghi vụ việc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Loại vụ việc').selectOption({ label: 'Đất đai, ranh giới' });
    await dialog.getByLabel('Tóm tắt (không ghi tên người)').fill('Tranh chấp lối đi chung');
    await dialog.getByLabel('Bên 1: họ và tên').fill('Lê Văn Tường');
    await dialog.getByLabel('Bên 1: điện thoại').fill('0911222333');
    await dialog.getByLabel('Bên 2: họ và tên').fill('Đào Thị Xuyến');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const first = page.getByTestId('cases').getByRole('listitem').first();
    await expect(first).toContainText('Lê V. T. – Đào T. X.');
    await expect(first).toContainText('Tranh chấp lối đi chung');
    await expect(page.getByText('Lê Văn Tường')).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
