import { expect, test } from './fixtures';
import { SMTPServer } from 'smtp-server';
import { signIn } from './helpers';

// The product sends to this real SMTP server (SMTP_URL of the worker's server, fixtures.ts): what it receives is what a mailbox would.
const inbox: Array<{ to: string; raw: string }> = [];
let smtp: SMTPServer;
test.beforeAll(async ({ server }) => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(server.smtpPort, '127.0.0.1', r));
});
test.afterAll(async () => new Promise<void>((r) => smtp.close(r)));

function body(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join('\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(text, 'base64').toString('utf8');
  return decodeURIComponent(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, '%$1')
      .replace(/%(?![0-9A-F]{2})/g, '%25'),
  );
}
async function mailTo(address: string, after: number): Promise<string> {
  await expect.poll(() => inbox.filter((m) => m.to === address).length, { timeout: 20_000 }).toBeGreaterThan(after);
  return body(inbox.filter((m) => m.to === address).at(-1)!.raw);
}

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a citizen on a phone sends a petition with an e-mail, receives the tracking code by mail and recovers it through "my petitions"', async ({ page }) => {
  const email = `nguoi.dan.${Date.now()}@example.vn`;
  await page.goto('/public/petitions/new');
  await expect(page.getByTestId('send-blocked')).toContainText('Phường, xã');
  // The ward picker finds "Đa Mai" typed without diacritics and chooses the single match.
  await page.getByLabel('Tìm phường, xã').fill('da mai');
  await expect(page.getByLabel('Phường, xã', { exact: true })).toHaveValue('07228');
  await page.getByLabel('Tiêu đề').fill(`Rác thải chưa được thu gom ${Date.now()}`);
  await page.getByRole('textbox', { name: 'Nội dung' }).fill('Điểm tập kết rác đầu ngõ 3 đã ba ngày chưa được thu gom, đề nghị xử lý.');
  await page.getByLabel('Thư điện tử').fill(email);
  await expect(page.getByTestId('send-blocked')).toHaveCount(0);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  await expect(page.getByText('Mã theo dõi cũng đã được gửi tới')).toBeVisible();
  expect(await mailTo(email, 0)).toContain(code);

  // Later, the code is lost: "my petitions" with a one-time code sent to the same address.
  await page.goto('/public/petitions');
  await page.getByRole('link', { name: 'Mất mã theo dõi? Tìm lại đơn của tôi' }).click();
  await page.getByLabel('Thư điện tử hoặc số điện thoại', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
  const otp = /(\d{6})/.exec(await mailTo(email, 1))![1];
  await page.getByLabel('Mã xác nhận (6 chữ số)').fill(otp);
  await page.getByRole('button', { name: 'Xem các đơn' }).click();
  await expect(page.getByRole('heading', { name: 'Các đơn đã gửi (1)' })).toBeVisible();
  await page.getByRole('link', { name: code }).click();
  await expect(page.getByTestId('petition-state')).toHaveText('Đã tiếp nhận');
});

test('a metric page loads on reload and from a shared link', async ({ page }) => {
  await signIn(page, 'btt.bacgiang');
  await page.goto('/metrics/fund.raised');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Số tiền vận động được');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Số tiền vận động được');
});

test('the front door: a visitor without an account sees the open campaigns, finds the ward page and writes to the ward; staff sign in one tap away', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Thông tin công khai' })).toBeVisible();
  await expect(page.getByTestId('open-campaigns').getByRole('link').first()).toBeVisible();
  await page.getByLabel('Tìm phường, xã').fill('bac giang');
  await page.getByRole('link', { name: 'Phường Bắc Giang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phường Bắc Giang' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ban Thường trực Ủy ban MTTQ' })).toContainText('Chủ tịch');
  await page.getByRole('link', { name: 'Gửi kiến nghị đến phường, xã này' }).click();
  await expect(page.getByLabel('Phường, xã', { exact: true })).toHaveValue('07210');
  await page.goto('/');
  await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
});
