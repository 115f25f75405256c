import { expect, test, type Locator } from './fixtures';
import { apiAs, signIn, unitId } from './helpers';

const FUND = 'Quỹ "Vì người nghèo" phường Bắc Giang';
const vnd = (s: string) => Number(s.replace(/\D/g, ''));

/** The amount, balance before and after shown in a confirm dialog; after = before − amount. */
async function expectBalanceStep(dialog: Locator, amount: number) {
  const dd = (label: string) => dialog.locator(`dt:text-is("${label}") + dd`);
  await expect(dd('Số tiền')).toHaveText(`${amount.toLocaleString('vi-VN')} đ`);
  const before = vnd(await dd('Số dư trước').innerText());
  const after = vnd(await dd('Số dư sau').innerText());
  expect(before).toBeGreaterThanOrEqual(amount);
  expect(after).toBe(before - amount);
}

test("the standing committee sees the payments, transfers and reversals waiting for it and confirms each against the fund's balance", async ({ page, baseURL }) => {
  const stamp = Date.now().toString(36);
  const donor = `Phạm Văn Hoàn ${stamp}`;

  // The accountant records a donation, then proposes to reverse it (a second person must approve).
  await signIn(page, 'ketoan.bacgiang');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quỹ' }).click();
  await page.getByRole('link', { name: FUND }).click();
  await page.getByRole('button', { name: 'Ghi nhận ủng hộ' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Họ tên hoặc tên đơn vị').fill(donor);
  await form.getByLabel('Số tiền (đồng)').fill('1.234.000');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(page.getByText(/Đã ghi nhận khoản ủng hộ/)).toBeVisible();
  const row = page.getByRole('region', { name: 'Các khoản ủng hộ' }).getByRole('row').filter({ hasText: donor });
  await row.getByRole('button', { name: 'Đảo' }).click();
  const reverse = page.getByRole('dialog');
  await reverse.getByLabel('Lý do').fill('Ghi nhầm số tiền');
  await reverse.getByRole('button', { name: 'Đảo' }).click();
  await expect(page.getByText('Đã gửi đề xuất đảo khoản ủng hộ; chờ người thứ hai duyệt.')).toBeVisible();
  await expect(row).not.toContainText('Đã đảo bút toán'); // nothing booked yet

  // The accountant also proposes a transfer between two of the ward's funds (through the API).
  const acc = await apiAs(baseURL!, 'ketoan.bacgiang');
  const ward = await unitId(acc, 'Bắc Giang', '07210', '2026-01-01');
  const funds = (await (await acc.get(`/api/fund/funds?unit=${ward}`)).json()) as Array<{ id: number; name: string; kind: string }>;
  const accounts = (await (await acc.get(`/api/fund/accounts?unit=${ward}`)).json()) as Array<{ id: number; kind: string }>;
  const from = funds.find((f) => f.kind === 'vi_nguoi_ngheo')!;
  const to = funds.find((f) => f.kind !== 'vi_nguoi_ngheo')!;
  const bank = accounts.find((a) => a.kind === 'bank')!;
  const csrf = (await acc.storageState()).cookies.find((c) => c.name === 'dk_csrf')!.value;
  const transfer = await acc.post('/api/fund/transfers', {
    headers: { 'x-csrf-token': csrf },
    data: {
      fromFundId: from.id,
      fromAccountId: bank.id,
      toFundId: to.id,
      toAccountId: bank.id,
      amount: 777_000,
      date: '2026-11-30',
      memo: `Điều chuyển thử ${stamp}`,
      reason: 'Bổ sung cho quỹ an sinh',
    },
  });
  expect(transfer.status()).toBe(200);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  // Signed out, the sign-in form shows where the user was: wait for it before going to /login (they raced).
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();

  // The standing committee opens what waits for it.
  await signIn(page, 'btt.bacgiang');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quỹ' }).click();
  await page.getByRole('link', { name: 'Chờ tôi duyệt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chờ tôi duyệt');
  const payments = page.getByRole('region', { name: 'Khoản chi chờ tôi duyệt' });
  const proposals = page.getByRole('region', { name: 'Điều chuyển và điều chỉnh chờ tôi duyệt' });
  await expect(payments.getByRole('listitem').filter({ hasText: 'Giáp Văn Tiến' })).toContainText('Chờ duyệt');
  const reversal = proposals.getByRole('listitem').filter({ hasText: 'Đảo khoản ủng hộ' }).filter({ hasText: '1.234.000 đ' });
  await expect(reversal).toContainText('Lý do: Ghi nhầm số tiền');
  await expect(reversal).toContainText(/Số dư: [\d.]+ đ → [\d.]+ đ/);
  await expect(proposals.getByRole('listitem').filter({ hasText: 'Điều chuyển giữa các quỹ' }).filter({ hasText: '777.000 đ' })).toBeVisible();

  // A payment: approving opens the confirm step with the balance before → after; only confirming books it.
  await payments.getByRole('button', { name: 'Duyệt chi cho Giáp Văn Tiến' }).click();
  let dialog = page.getByRole('dialog', { name: 'Xác nhận duyệt chi cho Giáp Văn Tiến' });
  await expectBalanceStep(dialog, 2_000_000);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(payments.getByRole('listitem').filter({ hasText: 'Giáp Văn Tiến' })).toContainText('Chờ duyệt');
  await payments.getByRole('button', { name: 'Duyệt chi cho Giáp Văn Tiến' }).click();
  dialog = page.getByRole('dialog', { name: 'Xác nhận duyệt chi cho Giáp Văn Tiến' });
  await dialog.getByRole('button', { name: 'Xác nhận duyệt' }).click();
  await expect(page.getByText('Đã duyệt chi cho Giáp Văn Tiến.')).toBeVisible();
  await expect(payments.getByRole('listitem').filter({ hasText: 'Giáp Văn Tiến' })).toHaveCount(0);

  // The reversal: the same confirm step, then it leaves the list.
  await proposals.getByRole('button', { name: 'Duyệt: Đảo khoản ủng hộ — 1.234.000 đ', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Xác nhận duyệt: Đảo khoản ủng hộ — 1.234.000 đ' });
  await expectBalanceStep(dialog, 1_234_000);
  await dialog.getByRole('button', { name: 'Xác nhận duyệt' }).click();
  await expect(page.getByText('Đã duyệt: Đảo khoản ủng hộ — 1.234.000 đ.')).toBeVisible();
  await expect(proposals.getByRole('listitem').filter({ hasText: '1.234.000 đ' })).toHaveCount(0);

  // The transfer is refused: nothing is booked and it leaves the list.
  await proposals.getByRole('button', { name: 'Không duyệt: Điều chuyển giữa các quỹ — 777.000 đ' }).click();
  await expect(page.getByText('Đã không duyệt: Điều chuyển giữa các quỹ — 777.000 đ.')).toBeVisible();
  await expect(proposals.getByRole('listitem').filter({ hasText: '777.000 đ' })).toHaveCount(0);

  // The donation now shows as reversed on the fund's page.
  await page.goto('/fund');
  await page.getByRole('link', { name: FUND }).click();
  await expect(page.getByRole('region', { name: 'Các khoản ủng hộ' }).getByRole('row').filter({ hasText: donor })).toContainText('Đã đảo bút toán');
});
