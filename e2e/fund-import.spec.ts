import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

// Twelve statements written for this test in the layouts of twelve banks' exports (CSV and XLSX: Vietcombank,
// BIDV, Techcombank, MB, ACB, VPBank, Sacombank, TPBank, VIB, an Agribank branch, SHB, HDBank), each with
// three donations and one fee (a debit) among them; invented donors.
const DIR = path.resolve(import.meta.dirname, 'fixtures/statements');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => /\.(csv|xlsx)$/.test(f))
  .sort();
const CAMPAIGN = 'Ủng hộ đồng bào khắc phục hậu quả mưa lũ tháng 10/2026';

test('an accountant imports 12 files of different banks with the suggested mapping and sees the progress of each file', async ({ page }) => {
  expect(FILES).toHaveLength(12);
  await signIn(page, 'ketoan.bacgiang');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quỹ' }).click();
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await page.getByRole('link', { name: 'Nhập sao kê ngân hàng' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập sao kê ngân hàng');

  await page.getByLabel('Định dạng').selectOption({ label: 'Tệp khác (tự chọn cột)' });
  await page.getByLabel('Tệp sao kê (CSV, XLSX, ZIP)').setInputFiles(FILES.map((f) => path.join(DIR, f)));
  const account = page.getByLabel('Mã tài khoản nhận (tệp khác)');
  const bank = (await account.locator('option').allInnerTexts()).find((o) => o.startsWith('Tiền gửi quỹ'))!;
  await account.selectOption({ label: bank });

  // Every file is previewed with the mapping its header suggests; the columns of the first are filled in.
  await page.getByRole('button', { name: 'Xem trước các cột' }).click();
  const previewed = page.getByRole('list', { name: 'Các tệp đã chọn' }).getByRole('listitem');
  await expect(previewed).toHaveCount(12);
  for (const f of FILES) await expect(previewed.filter({ hasText: f })).toContainText('cột được gợi ý theo tiêu đề');
  await expect(page.getByLabel('Cột ngày')).toHaveValue('1'); // Vietcombank: "Ngày giao dịch", below three lines of title
  await expect(page.getByLabel('Cột ghi có (tiền vào)')).toHaveValue('4');
  await expect(page.getByLabel('Cột ghi nợ (tiền ra)')).toHaveValue('3');

  // Imported with the suggested mapping (nothing changed): progress per file, each to its end.
  await page.getByRole('button', { name: 'Nhập sao kê' }).click();
  const perFile = page.getByRole('list', { name: 'Tiến độ từng tệp' }).getByRole('listitem');
  await expect(perFile).toHaveCount(12);
  for (const f of FILES) {
    await expect(perFile.filter({ hasText: f })).toHaveText(`${f}: 3/3`);
    await expect(perFile.filter({ hasText: f }).getByRole('progressbar', { name: f })).toHaveAttribute('value', '3');
  }
  await expect(page.getByText('Đang ghi 36/36 dòng')).toBeVisible();
  await expect(page.getByText(/^Đã nhập 36 khoản \(22\.185\.000 đ\)/)).toBeVisible();
  await expect(page.getByText('Nhận ra tên nhà hảo tâm ở 36 khoản (100%).')).toBeVisible();
  // The fees are listed, not booked, and did not stop any file.
  await expect(page.getByText('12 khoản ghi nợ (127.900 đ) được liệt kê, không ghi sổ:')).toBeVisible();

  // The donors are on the campaign's books by name.
  await page.goBack();
  const donations = page.getByRole('region', { name: 'Các khoản ủng hộ' });
  await expect(donations).toContainText('TRAN DUC THANG');
  await expect(donations).toContainText('HOANG THI MY LINH');
});
