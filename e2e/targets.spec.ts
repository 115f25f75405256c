import { expect, test, type Page } from './fixtures';
import { apiAs, signIn, unitId } from './helpers';

async function openDashboard(page: Page, year: number) {
  await page.getByRole('link', { name: 'Bảng chỉ tiêu' }).click(); // the tile on the home page
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu nhiệm kỳ' })).toBeVisible();
  await page.getByLabel('Năm').selectOption(String(year));
}

test('btt.tinh sees the targets of 2026, opens a ward that misses one and reaches the records behind its figure', async ({ page }) => {
  await signIn(page, 'btt.tinh');
  await openDashboard(page, 2026);
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu năm 2026 — Tỉnh Bắc Ninh' })).toBeVisible();
  // The province sets no targets itself: the 16 of the wards' congresses, with how many wards meet each.
  await expect(page.getByText('Đơn vị này không có đại hội đặt chỉ tiêu riêng trong năm 2026')).toBeVisible();
  await expect(page.getByTestId(/^target-\d+$/)).toHaveCount(16);
  const tet = page.getByTestId('target-4');
  await expect(tet).toContainText('Tết');

  // Who misses target 4: the units page lists them first; open the first such ward.
  await tet.getByRole('link', { name: /Đơn vị chưa đạt/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ tiêu 4: kết quả theo đơn vị' })).toBeVisible();
  const firstRow = page.locator('.unit-cards > li').first();
  await expect(firstRow).toContainText('Chưa đạt');
  const wardLink = firstRow.locator('.unit-card-head a');
  const ward = (await wardLink.innerText()).trim();
  await wardLink.click();
  await expect(page.getByRole('heading', { name: `Chỉ tiêu năm 2026 — ${ward}` })).toBeVisible();
  await expect(page.getByText(`Đại hội đại biểu MTTQ Việt Nam ${ward.replace('Phường', 'phường')}`)).toBeVisible();

  // The ward's target 4 and its Tết-gift measure: the figure links to the records it counts.
  const wardTet = page.getByTestId('target-4');
  await expect(wardTet.locator('.target-head')).toContainText('Chưa đạt');
  await wardTet.getByText('Các nội dung đánh giá').click();
  const measure = wardTet.locator('li', { hasText: 'Tỷ lệ hộ nghèo, cận nghèo được nhận quà Tết' });
  const [reached, due] = (await measure.locator('.measure-ratio').innerText()).match(/\d+/g)!.map(Number);
  expect(reached).toBeLessThan(due);
  // Target 7 is judged from the villages' Solidarity Days (the movements module): a verdict, not "not yet measured".
  await expect(page.getByTestId('target-7').locator('.target-head')).toContainText(/Đạt|Chưa đạt|Vượt/);
  await expect(page.getByTestId('target-7')).not.toContainText('Chưa có phân hệ ghi nhận số liệu này');

  await measure.locator('.measure-figures > a').first().click();
  await expect(page).toHaveURL(/\/metrics\/households\.tet_reached\?unit=\d+&from=2026-01-01&to=2026-12-31/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hộ nghèo, cận nghèo đã nhận quà Tết' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`^Toàn ${ward}`) })).toContainText(String(reached));

  // And the households themselves: the ward's list of poor and near-poor households without a Tết gift.
  await page.goBack();
  await page.getByTestId('target-4').getByText('Các nội dung đánh giá').click();
  await page.getByTestId('target-4').locator('li', { hasText: 'Tỷ lệ hộ nghèo, cận nghèo được nhận quà Tết' }).getByRole('link', { name: 'Xem số liệu gốc' }).click();
  await expect(page).toHaveURL(/\/households\/coverage\?unit=\d+&year=2026&kind=tet/);
  await expect(page.getByTestId('missing-count')).toHaveText(String(due - reached));
});

test('canbo.bacgiang sees only Phường Bắc Giang', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const damai = await unitId(admin, 'Phường Đa Mai', '07228', '2026-01-01');
  await signIn(page, 'canbo.bacgiang');
  await openDashboard(page, 2026);
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu năm 2026 — Phường Bắc Giang' })).toBeVisible();
  await expect(page.getByTestId('targets-summary')).toBeVisible();
  // Its units below are its residential groups; the map shows the ward alone.
  const map = page.locator('section', { has: page.getByRole('heading', { name: 'Bản đồ xã, phường' }) });
  await expect(map.locator('.map-list li')).toHaveCount(1);
  await expect(map.locator('.map-list')).toContainText('Phường Bắc Giang');
  await expect(page.getByRole('link', { name: 'Sửa chỉ tiêu của đại hội' })).toHaveCount(0);

  await page.goto(`/targets?unit=${damai}&year=2026`);
  await expect(page.getByText('Đơn vị này nằm ngoài phạm vi của bạn')).toBeVisible();
  for (const url of [`/api/targets?unit=${damai}&year=2026`, `/api/targets/4/units?unit=${damai}&year=2026`, `/api/targets/map?unit=${damai}&year=2026&target=4`]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(403);
    expect((await res.json()).error.code).toBe('OUT_OF_SCOPE');
  }
});

test("btt.thanhpho gets the city's targets for 2024", async ({ page }) => {
  await signIn(page, 'btt.thanhpho');
  await openDashboard(page, 2024);
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu năm 2024 — Thành phố Bắc Giang' })).toBeVisible();
  await expect(page.getByText('Đại hội đại biểu MTTQ Việt Nam thành phố Bắc Giang lần thứ XXII, nhiệm kỳ 2024–2029')).toBeVisible();
  await expect(page.getByTestId(/^target-\d+$/)).toHaveCount(16);
  // Target 10 is judged with the city's own ranges (2–3 topics) on the supervisions recorded in 2024.
  await expect(page.getByTestId('target-10')).toContainText('Yêu cầu: 2 – 3');
  await expect(page.getByTestId('target-10')).not.toContainText('Chưa đo được');
  // The 16 wards of the city are the units below.
  await expect(page.locator('.target-matrix tbody tr')).toHaveCount(16);
  await expect(page.getByRole('link', { name: 'Sửa chỉ tiêu của đại hội' })).toBeVisible();
});

test('a new congress sets its targets without code: copied from a ward congress, then a level edited', async ({ page }) => {
  await signIn(page, 'btt.tinh');
  await openDashboard(page, 2026);
  await page.getByRole('link', { name: 'Đại hội mới' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đại hội mới' })).toBeVisible();
  await page.getByLabel('Nhiệm kỳ').fill('2026–2031');
  await page.getByLabel('Tên đại hội').fill('Đại hội đại biểu MTTQ Việt Nam tỉnh Bắc Ninh, nhiệm kỳ 2026–2031');
  await page.getByLabel('Chỉ tiêu áp dụng từ ngày').fill('01/01/2026');
  const source = page.getByLabel('Sao chép chỉ tiêu từ');
  const option = source.locator('option', { hasText: 'Phường Bắc Giang' });
  await source.selectOption(await option.getAttribute('value'));
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đại hội đại biểu MTTQ Việt Nam tỉnh Bắc Ninh, nhiệm kỳ 2026–2031' })).toBeVisible();
  await expect(page.locator('.target-list > li')).toHaveCount(16);

  await page.getByRole('button', { name: 'Sửa mức yêu cầu 9' }).click();
  await page.getByLabel('Từ').fill('6');
  await page.getByLabel('Đến').fill('8');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu chỉ tiêu.')).toBeVisible();
  await expect(page.locator('.target-list > li').nth(8)).toContainText('6 – 8');
});
