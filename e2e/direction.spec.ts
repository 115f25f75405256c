import { expect, test } from './fixtures';
import { formatDate, todayIso } from '../apps/web/src/format';
import { apiAs, signIn, unitId } from './helpers';

/** Today in Vietnam as the pages write it (dd/mm/yyyy): the web app's own one "today". */
const vnToday = () => formatDate(todayIso());

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

test("grading: the province sees the proposal from the year's figures, changes the grade with a reason, and who decided and why shows", async ({ page }) => {
  await signIn(page, 'btt.tinh');
  await page.goto('/direction/grading');
  await expect(page.getByRole('heading', { level: 1, name: 'Xếp loại hằng năm' })).toBeVisible();
  // Decided already in the demo: Phường Bắc Giang, with who decided it.
  const bacGiang = page.locator('li', { has: page.getByText('Phường Bắc Giang', { exact: true }) });
  await expect(bacGiang.first()).toContainText('Vững mạnh xuất sắc');
  await expect(bacGiang.first()).toContainText('Quyết định:');

  await page.getByRole('button', { name: 'Chọn đơn vị' }).click();
  const picker = page.getByRole('dialog');
  await picker.getByLabel('Tìm đơn vị').fill('phuong da mai');
  await picker.getByRole('button', { name: 'Phường Đa Mai', exact: true }).click();
  await page.getByRole('button', { name: 'Tính đề xuất' }).click();

  const dialog = page.getByRole('dialog', { name: /Quyết định xếp loại — Phường Đa Mai/ });
  await expect(dialog).toContainText('Đề xuất:');
  const proposed = (await dialog.locator('p', { hasText: 'Đề xuất:' }).locator('strong').innerText()).trim();
  // The proposal is on the list too, with the evidence it came from.
  const row = page.locator('li', { has: page.getByText('Phường Đa Mai', { exact: true }) }).first();
  await expect(row).toContainText(`Đề xuất: ${proposed}`);
  await expect(row.getByRole('list', { name: 'Minh chứng của Phường Đa Mai' })).toContainText('Yêu cầu của cấp trên được trả lời đúng hạn');

  const other = proposed === 'Vững mạnh (tốt)' ? 'Hoàn thành nhiệm vụ' : 'Vững mạnh (tốt)';
  await dialog.getByLabel('Xếp loại', { exact: true }).selectOption({ label: other });
  await expect(dialog).toContainText('Khác với đề xuất: phải ghi lý do.');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Cần ghi lý do khi xếp loại khác với đề xuất');
  await dialog.getByLabel('Lý do').fill('Tổ chức tốt bầu cử và Ngày hội Đại đoàn kết dù chậm báo cáo');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText(other);
  await expect(row.getByTestId('decided')).toContainText(`Quyết định: Ban Thường trực UB MTTQ tỉnh Bắc Ninh, ngày ${vnToday()}`);
  await expect(row.getByTestId('decided')).toContainText('Lý do: Tổ chức tốt bầu cử và Ngày hội Đại đoàn kết dù chậm báo cáo');
  // A ward's staff may read gradings but not decide them.
  await page.context().clearCookies();
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/direction/grading');
  await expect(page.getByRole('heading', { level: 1, name: 'Xếp loại hằng năm' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tính đề xuất' })).toHaveCount(0);
});

test('a ward registers and completes its key tasks, marks an election task done and records a result, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/direction/key-tasks');
  await expect(page.getByTestId('key-task-summary')).toHaveText('Đã hoàn thành 3/4 nhiệm vụ');
  await page.getByRole('button', { name: 'Đăng ký nhiệm vụ' }).click();
  await page.getByRole('dialog').getByLabel('Nội dung nhiệm vụ').fill('Xây dựng khu dân cư kiểu mẫu tại Tổ dân phố Trần Phú 1');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('key-task-summary')).toHaveText('Đã hoàn thành 3/5 nhiệm vụ');
  const task = page.locator('li', { hasText: 'Xây dựng khu dân cư kiểu mẫu' });
  await task.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
  const progress = page.getByRole('dialog');
  await progress.getByLabel('Tiến độ (%)').fill('100');
  await progress.getByLabel('Ngày hoàn thành (nếu đã xong)').fill(vnToday());
  await progress.getByLabel('Minh chứng').fill('Quyết định công nhận số 12/QĐ-UBND');
  await progress.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('key-task-summary')).toHaveText('Đã hoàn thành 4/5 nhiệm vụ');
  await expect(task).toContainText(`Hoàn thành ${vnToday()}`);
  await expect(task).toContainText('Minh chứng: Quyết định công nhận số 12/QĐ-UBND');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole('link', { name: 'Bầu cử, đại hội' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bầu cử, đại hội' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm việc' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('Đợt').selectOption({ label: 'Đại hội Đảng bộ các cấp nhiệm kỳ 2025–2030' });
  await add.getByLabel('Loại việc').selectOption({ label: 'Lấy ý kiến góp ý văn kiện' });
  await add.getByLabel('Tên công việc').fill('Tổ chức lấy ý kiến Nhân dân vào dự thảo văn kiện');
  await add.getByLabel('Hạn hoàn thành').fill('01/12/2026');
  await add.getByRole('button', { name: 'Lưu' }).click();
  const opinion = page.locator('li', { hasText: 'Tổ chức lấy ý kiến Nhân dân vào dự thảo văn kiện' });
  await expect(opinion).toContainText('Quá hạn');
  await opinion.getByRole('button', { name: 'Ghi đã xong' }).click();
  await page.getByRole('dialog').getByLabel('Minh chứng').fill('Biên bản tổng hợp ý kiến');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(opinion).toContainText('Xong ngày');
  await expect(opinion).toContainText('Minh chứng: Biên bản tổng hợp ý kiến');

  await page.getByRole('button', { name: 'Ghi kết quả' }).click();
  const result = page.getByRole('dialog');
  await result.getByLabel('Cuộc bầu cử').selectOption({ label: 'Trưởng thôn, Tổ trưởng tổ dân phố' });
  await result.getByLabel('Số cử tri', { exact: true }).fill('1200');
  await result.getByLabel('Số cử tri đã bỏ phiếu').fill('1188');
  await result.getByLabel('Số người ứng cử').fill('2');
  await result.getByLabel('Số người trúng cử').fill('1');
  await result.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Cử tri đi bầu: 1.188/1.200 (99%)')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('training, the commendation registry and a coordination programme with its yearly review', async ({ page }) => {
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/direction/training');
  await page.getByRole('button', { name: 'Thêm lớp' }).click();
  const course = page.getByRole('dialog');
  await course.getByLabel('Tên lớp').fill('Bồi dưỡng nghiệp vụ cho Ban công tác Mặt trận');
  await course.getByLabel('Ngày bắt đầu').fill('02/12/2026');
  await course.getByLabel('Ngày kết thúc').fill('03/12/2026');
  await course.getByRole('button', { name: 'Lưu' }).click();
  const row = page.locator('li', { hasText: 'Bồi dưỡng nghiệp vụ cho Ban công tác Mặt trận' });
  await expect(row).toContainText('0 người');
  await row.getByRole('button', { name: 'Ghi người tham dự' }).click();
  await page.getByRole('dialog').getByLabel('Họ và tên người tham dự').fill('Nguyễn Văn Hải\nTrần Thị Thu\n\nLê Văn Nam');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(row).toContainText('3 người');
  await expect(page.getByTestId('training-summary')).toContainText('1 lớp · 3 lượt người tham dự');

  await page.getByRole('link', { name: 'Khen thưởng' }).click();
  await page.getByRole('button', { name: 'Ghi khen thưởng' }).click();
  const award = page.getByRole('dialog');
  await award.getByLabel('Khen cho').selectOption({ label: 'Cá nhân' });
  await award.getByLabel('Tên tập thể, cá nhân').fill('Giáp Văn Tuấn');
  await award.getByLabel('Cơ quan khen').fill('Ủy ban MTTQ tỉnh Bắc Ninh');
  await award.getByLabel('Thành tích').fill('Tích cực vận động Quỹ "Vì người nghèo" năm 2026');
  await award.getByLabel('Ngày khen').fill('01/12/2026');
  await award.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.locator('li', { hasText: 'Giáp Văn Tuấn' })).toContainText('Ủy ban MTTQ tỉnh Bắc Ninh');
  await expect(page.getByTestId('awards-summary')).toContainText('1 cá nhân');

  await page.getByRole('link', { name: 'Phối hợp' }).click();
  await page.getByRole('button', { name: 'Thêm chương trình' }).click();
  const prog = page.getByRole('dialog');
  await prog.getByLabel('Đơn vị phối hợp').fill('Công an phường Bắc Giang');
  await prog.getByLabel('Loại đơn vị').selectOption({ label: 'Cơ quan, ban, ngành' });
  await prog.getByLabel('Tên chương trình').fill('Phối hợp bảo đảm an ninh trật tự khu dân cư');
  await prog.getByLabel('Ngày ký').fill('10/02/2026');
  await prog.getByRole('button', { name: 'Lưu' }).click();
  const p = page.locator('li', { hasText: 'Phối hợp bảo đảm an ninh trật tự khu dân cư' });
  await p.getByRole('button', { name: 'Ghi sơ kết năm' }).click();
  await page.getByRole('dialog').getByLabel('Kết quả').fill('Hoàn thành tốt; giảm 30% vụ việc mất trật tự');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(p.getByRole('list', { name: 'Sơ kết, tổng kết' })).toContainText('Năm 2026');
  await expect(p).toContainText('Hoàn thành tốt; giảm 30% vụ việc mất trật tự');
});

test('the province issues a directive to its wards and communes, records an inspection; the ward finds the directive among its duties', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, 'admin');
  const province = await unitId(admin, 'Bắc Ninh', '24', '2026-06-01');
  await signIn(page, 'btt.tinh');
  await page.goto('/direction');
  await page.getByRole('button', { name: 'Ban hành văn bản' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Loại văn bản').selectOption({ label: 'Hướng dẫn' });
  await d.getByLabel('Số, ký hiệu').fill('501/HD-MTTQ');
  await d.getByLabel('Trích yếu').fill('Hướng dẫn tổ chức Tết vì người nghèo 2027');
  await d.getByLabel('Nội dung yêu cầu').fill('Báo cáo số hộ được tặng quà Tết');
  await d.getByLabel('Hạn hoàn thành').fill('15/01/2027');
  await d.getByRole('button', { name: 'Gửi văn bản' }).click();
  await expect(page.getByText(/Đã gửi văn bản tới \d+ đơn vị\./)).toBeVisible();
  const sent = Number((await page.getByText(/Đã gửi văn bản tới \d+ đơn vị\./).innerText()).match(/\d+/)![0]);
  // Every ward and commune of the province (99 in the demo) and nothing else; all of them still owe the answer.
  const listed = (await (await admin.get(`/api/directives?unit=${province}`)).json()) as Array<{ number: string; recipients: number; pending: number; kind: string }>;
  const doc = listed.find((x) => x.number === '501/HD-MTTQ')!;
  expect([doc.kind, doc.recipients, doc.pending]).toEqual(['guidance', sent, sent]);
  expect(sent).toBe(99);

  await page.getByRole('button', { name: 'Ghi cuộc kiểm tra' }).click();
  const i = page.getByRole('dialog', { name: 'Ghi cuộc kiểm tra' });
  await i.getByLabel('Đơn vị được kiểm tra').selectOption({ label: 'Phường Bắc Giang' });
  await i.getByLabel('Nội dung kiểm tra').fill('Kiểm tra việc thực hiện Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"');
  await i.getByLabel('Kết luận').fill('Thực hiện tốt; cần cập nhật hồ sơ khu dân cư');
  await i.getByRole('button', { name: 'Lưu' }).click();
  const inspections = page.locator('section', { has: page.getByRole('heading', { name: 'Kiểm tra đơn vị cấp dưới' }) });
  await expect(inspections.locator('li', { hasText: 'Phường Bắc Giang' })).toContainText('Kết luận: Thực hiện tốt; cần cập nhật hồ sơ khu dân cư');

  await page.context().clearCookies();
  await signIn(page, 'canbo.bacgiang');
  await page.goto('/direction');
  const inbox = page.locator('section', { has: page.getByRole('heading', { name: 'Việc cấp trên giao cho đơn vị' }) });
  const duty = inbox.locator('li', { hasText: '501/HD-MTTQ' });
  await expect(duty).toContainText('Hạn: 15/01/2027');
  await expect(duty).toContainText('Chưa đến hạn');
  await expect(page.getByRole('button', { name: 'Ban hành văn bản' })).toHaveCount(0);
});
