import { expect, test } from './fixtures';
import { signIn } from './helpers';

const FUND = 'Quỹ "Vì người nghèo" phường Bắc Giang';

test('the ward accountant records a donation and prints its receipt, proposes a payment; the standing committee approves it', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const beneficiary = `Lê Văn Thử ${stamp}`;
  await signIn(page, 'ketoan.bacgiang');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quỹ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quỹ và vận động');
  await expect(page.getByRole('region', { name: 'Các đợt vận động' })).toContainText('Tết vì người nghèo Xuân Bính Ngọ 2026');

  await page.getByRole('button', { name: 'Ghi nhận ủng hộ' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Quỹ hoặc đợt vận động').selectOption({ label: FUND });
  await form.getByLabel('Họ tên hoặc tên đơn vị').fill(`Nguyễn Thị Ánh ${stamp}`);
  await form.getByLabel('Số tiền (đồng)').fill('1.250.000');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText(/Đã ghi nhận khoản ủng hộ, biên nhận số \d{6}\/\d{4}/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mở biên nhận để in' })).toBeVisible();

  await page.getByRole('link', { name: FUND }).click();
  const donations = page.getByRole('region', { name: 'Các khoản ủng hộ' });
  await donations
    .getByRole('row')
    .filter({ hasText: `Nguyễn Thị Ánh ${stamp}` })
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { name: 'GIẤY BIÊN NHẬN TIỀN, HIỆN VẬT ỦNG HỘ' })).toBeVisible();
  await expect(page.getByText('Một triệu hai trăm năm mươi nghìn đồng')).toBeVisible();
  await expect(page.getByRole('button', { name: 'In biên nhận' })).toBeVisible();
  await expect(page.getByText(/^Bắc Giang, ngày \d{2} tháng \d{2} năm \d{4}$/)).toBeVisible();
  await expect(page.getByText('NGƯỜI ỦNG HỘ')).toBeVisible();
  await expect(page.getByText('NGƯỜI NHẬN')).toBeVisible();

  await page.goBack();
  await page.getByRole('button', { name: 'Đề xuất chi' }).click();
  const propose = page.getByRole('dialog');
  await propose.getByLabel('Mục đích chi').selectOption({ label: 'Hỗ trợ khám, chữa bệnh' });
  await propose.getByLabel('Người nhận (họ tên chủ hộ)').fill(beneficiary);
  await propose.getByLabel('Thôn, tổ dân phố').fill('Tổ dân phố Trần Phú 1');
  await propose.getByLabel('Số tiền (đồng)').fill('700000');
  await expect(propose.getByLabel('Số tiền (đồng)')).toHaveValue('700.000');
  await propose.getByRole('button', { name: 'Gửi đề xuất' }).click();
  await expect(page.getByText('Đã gửi đề xuất chi; chờ người có thẩm quyền duyệt.')).toBeVisible();
  const mine = page.getByRole('region', { name: 'Các khoản chi' }).getByRole('listitem').filter({ hasText: beneficiary });
  await expect(mine).toContainText('Chờ duyệt');
  // The accountant cannot approve: no button for them.
  await expect(mine.getByRole('button', { name: /Duyệt chi/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  // Signed out, the sign-in form shows where the user was: wait for it before going to /login (they raced).
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await signIn(page, 'btt.bacgiang');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quỹ' }).click();
  const waiting = page.getByRole('region', { name: 'Khoản chi chờ tôi duyệt' });
  await waiting.getByRole('button', { name: `Duyệt chi cho ${beneficiary}` }).click();
  // The confirm step shows the fund's balance before and after the payment.
  const confirm = page.getByRole('dialog', { name: `Xác nhận duyệt chi cho ${beneficiary}` });
  await expect(confirm.locator('dt:text-is("Số tiền") + dd')).toHaveText('700.000 đ');
  await expect(confirm.locator('dt:text-is("Số dư trước") + dd')).toHaveText(/^[\d.]+ đ$/);
  await confirm.getByRole('button', { name: 'Xác nhận duyệt' }).click();
  await expect(page.getByText(`Đã duyệt chi cho ${beneficiary}.`)).toBeVisible();

  await page.getByRole('link', { name: 'Sổ quỹ' }).click();
  await expect(page.getByText('Sổ cân: tổng Nợ bằng tổng Có')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Nhật ký bút toán' })).toContainText(beneficiary);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('a campaign page shows its quota achievement and Decree 93 standing', async ({ page }) => {
    await signIn(page, 'btt.thanhpho');
    await page.goto('/fund?scope=subtree');
    await page.getByRole('link', { name: 'Ủng hộ xây nhà Đại đoàn kết tỉnh Điện Biên' }).click();
    const totals = page.getByRole('region', { name: 'Tổng hợp' });
    await expect(totals).toContainText('126,4%');
    await expect(totals).toContainText('316.023.000 đ');
    await expect(totals).toContainText('250.000.000 đ');
  });
});
