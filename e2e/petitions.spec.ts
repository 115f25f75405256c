import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('a citizen sends a petition, a ward official accepts, forwards and records the answer, the citizen sees it', async ({ page, browser }) => {
  const title = `Đèn chiếu sáng ngõ 12 hỏng ${Date.now()}`;

  // The citizen, without an account.
  const citizen = await browser.newPage();
  await citizen.goto('/public/petitions/new');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' })).toBeVisible();
  await citizen.getByLabel('Tìm phường, xã').fill('Bắc Giang');
  const unitSelect = citizen.getByLabel('Phường, xã', { exact: true });
  await expect(unitSelect.locator('option', { hasText: 'Phường Bắc Giang (07210)' })).toHaveCount(1);
  await unitSelect.selectOption({ label: 'Phường Bắc Giang (07210)' });
  await citizen.getByLabel('Loại đơn').selectOption({ label: 'Kiến nghị' });
  await citizen.getByLabel('Tiêu đề').fill(title);
  await citizen.getByRole('textbox', { name: 'Nội dung' }).fill('Đèn chiếu sáng ngõ 12 tổ dân phố Trần Phú 1 không sáng đã hai tuần, đề nghị sửa chữa.');
  await citizen.getByLabel('Họ và tên').fill('Nguyễn Văn Dân');
  await citizen.getByRole('button', { name: 'Gửi', exact: true }).click();
  const code = (await citizen.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  await citizen.getByRole('link', { name: 'Xem tình trạng xử lý' }).click();
  await expect(citizen.getByTestId('petition-state')).toHaveText('Đã tiếp nhận');
  await expect(citizen.getByText('Phường Bắc Giang')).toBeVisible();
  await expect(citizen.getByText('Nguyễn Văn Dân')).toHaveCount(0);

  // The ward official finds it in the list, accepts and forwards it, then records the agency's answer.
  await signIn(page, 'canbo.bacgiang');
  await page.getByRole('link', { name: 'Tiếp công dân, kiến nghị' }).first().click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Cán bộ MTTQ phường Bắc Giang').first()).toBeVisible();

  await page.getByRole('button', { name: 'Thụ lý', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Thụ lý', exact: true }).click();
  await expect(page.getByText('Đã cập nhật: Đã thụ lý')).toBeVisible();

  await page.getByRole('button', { name: 'Chuyển cơ quan có thẩm quyền' }).click();
  const forward = page.getByRole('dialog');
  await forward.getByLabel('Cơ quan có thẩm quyền').selectOption({ label: 'UBND phường Bắc Giang' });
  await forward.getByLabel('Số văn bản chuyển').fill('215/MTTQ-BTT');
  await forward.getByRole('button', { name: 'Chuyển cơ quan có thẩm quyền' }).click();
  await expect(page.getByText('Đã cập nhật: Đã chuyển cơ quan có thẩm quyền')).toBeVisible();

  await page.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
  const answer = page.getByRole('dialog');
  await answer.getByLabel('Số văn bản trả lời').fill('1024/UBND-VP');
  await answer.getByLabel('Tóm tắt kết quả trả lời').fill('UBND phường đã thay bóng đèn, ngõ 12 đã sáng trở lại.');
  await answer.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
  await expect(page.getByText('Đã cập nhật: Đã có trả lời')).toBeVisible();
  // The answer document itself, checked by its bytes on the server.
  await page.getByLabel('Văn bản trả lời (PDF, JPEG, PNG, tối đa 2 MB):').setInputFiles({
    name: 'tra-loi-1024.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% trả lời\n'),
  });
  await page.getByRole('button', { name: 'Đính kèm', exact: true }).click();
  await expect(page.getByRole('link', { name: 'tra-loi-1024.pdf' })).toBeVisible();

  // The citizen's page shows the answer and the path it took.
  await citizen.reload();
  await expect(citizen.getByTestId('petition-state')).toHaveText('Đã có trả lời');
  await expect(citizen.getByTestId('petition-answer')).toHaveText('UBND phường đã thay bóng đèn, ngõ 12 đã sáng trở lại.');
  await expect(citizen.getByText('UBND phường Bắc Giang')).toBeVisible();
  await expect(citizen.getByText('Đã chuyển cơ quan có thẩm quyền')).toBeVisible();
});

test("a petition addressed to an ended ward is refused with its successor's name; a bad code gets a clear message", async ({ page }) => {
  const res = await page.request.post('/api/public/petitions', {
    data: { kind: 'phan_anh', title: `Thử ${Date.now()}`, content: 'Nội dung', unitCode: '07213' },
  });
  expect(res.status()).toBe(409);
  const body = await res.json();
  expect(body.error.code).toBe('PETITION_UNIT_ENDED');
  expect(body.error.message).toContain('Phường Bắc Giang');
  await page.goto('/public/petitions/ABCD-0000-XX');
  await expect(page.getByText('Mã theo dõi không đúng định dạng')).toBeVisible();
});
