import { expect, test } from './fixtures';
import { apiAs, pagePost, signIn, unitId } from './helpers';

test('a ward official of Phường Bắc Giang sees the ward, its villages and old Trần Phú, and nothing of Đa Mai', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const damai = await unitId(admin, 'Phường Đa Mai', '07228', '2026-01-01');

  await signIn(page, 'canbo.bacgiang');
  await page.getByRole('link', { name: 'Đơn vị của tôi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phường Bắc Giang' })).toBeVisible();
  await expect(page.getByText('Tổng số: 97')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tổ dân phố Châu Xuyên 1' })).toBeVisible();

  // The history: the ward was formed from old Trần Phú and others; old Trần Phú's page is readable.
  await page.getByRole('link', { name: 'Phường Trần Phú', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phường Trần Phú' })).toBeVisible();
  await expect(page.getByText('Đơn vị này đã kết thúc hoạt động sau ngày 30/06/2025.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Phường Bắc Giang' }).first()).toBeVisible();

  // Đa Mai is out of scope: the page says so and the API refuses, for the unit and its data.
  await page.goto(`/units/${damai}`);
  await expect(page.getByText('Đơn vị này nằm ngoài phạm vi của bạn')).toBeVisible();
  for (const url of [`/api/units/${damai}`, `/api/org/committees?unit=${damai}`, `/api/metrics/org.committee_members?unit=${damai}&from=2026-01-01&to=2026-12-31`]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(403);
    expect((await res.json()).error.code).toBe('OUT_OF_SCOPE');
  }
  // Searching does not reveal it either.
  await page.goto('/units');
  await page.getByLabel('Tìm đơn vị').fill('da mai');
  await expect(page.getByText('Không có đơn vị nào khớp.')).toBeVisible();
});

test('the city standing committee reads the city as it was and records nothing after 30/06/2025', async ({ page }) => {
  await signIn(page, 'btt.thanhpho');
  await expect(page.getByText('Đơn vị của bạn đã kết thúc hoạt động sau ngày 30/06/2025')).toBeVisible();

  await page.getByRole('link', { name: 'Đơn vị của tôi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thành phố Bắc Giang' })).toBeVisible();
  await expect(page.getByText('Tổng số: 34')).toBeVisible(); // after Yên Dũng joined on 01/01/2025
  const date = page.getByLabel('Tại ngày');
  await date.fill('01/06/2024');
  await expect(page.getByText('Tổng số: 16')).toBeVisible(); // the seed's 10 wards and 6 communes
  await expect(page.getByRole('link', { name: 'Phường Trần Nguyên Hãn' })).toBeVisible();

  // A member added to the city's committee after the city ended is refused, and nothing is written.
  await page.goto('/org/committees');
  await page.getByRole('link', { name: /Ủy ban MTTQ Việt Nam thành phố Bắc Giang khóa XXII/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('khóa XXII');
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Đảm nhiệm từ ngày').fill('01/08/2025');
  await dialog.getByLabel('Họ và tên').fill('Nguyễn Văn Mới');
  await dialog.getByRole('button', { name: 'Thêm thành viên' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/kết thúc|không còn hiệu lực|ngoài nhiệm kỳ|ngoài thời gian/);
  await page.reload();
  await expect(page.getByText('Nguyễn Văn Mới')).toHaveCount(0);

  // Through the API too: a village's work board that is now in Phường Bắc Giang, dated after the end.
  const boards = await (await page.request.get('/api/org/committees?kind=work_board&scope=subtree&limit=500&asOf=2025-06-30')).json();
  const board = (boards as Array<{ id: number }>)[0];
  const res = await pagePost(page, `/api/org/committees/${board.id}/members`, { personName: 'Trần Thị Sau', position: 'member', validFrom: '2025-08-01' });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe('UNIT_ENDED');
});

test('the province standing committee sees the province and its new wards', async ({ page }) => {
  await signIn(page, 'btt.tinh');
  await page.getByRole('link', { name: 'Đơn vị của tôi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tỉnh Bắc Ninh' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Phường Bắc Giang' })).toBeVisible();
  await page.getByRole('link', { name: 'Phường Đa Mai' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phường Đa Mai' })).toBeVisible();
});

test('leadership reads everything in the province and cannot change anything', async ({ page }) => {
  await signIn(page, 'lanhdao');
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' })).toHaveCount(0);
  await page.goto('/org/committees');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm ủy ban / ban' })).toHaveCount(0);
  const me = await (await page.request.get('/api/me')).json();
  const res = await pagePost(page, '/api/org/member-organisations', { unitId: me.unitId, kind: 'women', name: 'Hội thử', joinedOn: '2026-01-01' });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe('FORBIDDEN');
});
