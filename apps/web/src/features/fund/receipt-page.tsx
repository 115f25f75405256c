import { useEffect } from 'react';
import { DONOR_KIND_LABELS } from '@contract/fund-values';
import { formatDate, formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/page';
import { useEndpoint } from '../../query';
import './receipt.css';

/** "Bắc Giang, ngày 05 tháng 12 năm 2026": the place is the unit's proper name (the level word dropped). */
export function placeDate(unitName: string, iso: string): string {
  const [y, m, d] = iso.split('-');
  const place = unitName.replace(/^(Ủy ban MTTQ |UB MTTQ )?(Phường|Xã|Thị trấn|Đặc khu|Thành phố|Tỉnh|Huyện|Quận|Thị xã)\s+/i, '');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The printable receipt (giấy biên nhận) of a donation, with the amount in Vietnamese words. */
export function ReceiptPage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/fund/donations/:id/receipt', { params: { id } });
  const r = res.data;
  // The print rules (receipt.css) apply while this page is open; a stylesheet, not inline CSS (CSP).
  useEffect(() => {
    document.body.classList.add('print-receipt');
    return () => document.body.classList.remove('print-receipt');
  }, []);
  return (
    <>
      <PageTitle
        title={t('fund.receipt')}
        before={
          <nav className="breadcrumb no-print">
            <Link to={r ? `/fund/funds/${r.fundId}` : '/fund'}>{t('fund.title')}</Link>
          </nav>
        }
        actions={
          r && (
            <button type="button" className="btn btn-primary no-print" onClick={() => window.print()}>
              {t('fund.print')}
            </button>
          )
        }
      />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!r && !res.error && <Loading />}
      {r && (
        <article className="card receipt" lang="vi">
          <p className="small">{`ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM ${r.unitName.toUpperCase()}`}</p>
          <p className="small">
            <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
            <br />
            Độc lập – Tự do – Hạnh phúc
          </p>
          <h2>{`GIẤY BIÊN NHẬN TIỀN, HIỆN VẬT ỦNG HỘ`}</h2>
          <p>
            {`Số: ${r.receiptNo ?? '—'}`}
            {r.reversed && <span className="badge badge-red">{t('fund.reversed')}</span>}
          </p>
          <dl className="kv">
            <dt>Ngày nhận</dt>
            <dd>{formatDate(r.receivedOn)}</dd>
            <dt>Người/đơn vị ủng hộ</dt>
            <dd>
              {r.donorName ?? pick(DONOR_KIND_LABELS.anonymous)}
              {r.donorAddress ? ` — ${r.donorAddress}` : ''}
            </dd>
            <dt>Ủng hộ</dt>
            <dd>{r.campaignName ?? r.fundName}</dd>
            {r.kind === 'goods' && (
              <>
                <dt>Hiện vật</dt>
                <dd>{`${r.goodsDescription}: ${formatNumber(r.goodsQuantity ?? 0)} ${r.goodsUnit ?? ''}`}</dd>
              </>
            )}
            <dt>{r.kind === 'goods' ? 'Giá trị quy đổi' : 'Số tiền'}</dt>
            <dd>
              <strong>{formatVnd(r.amount)}</strong>
            </dd>
            <dt>Bằng chữ</dt>
            <dd>
              <em>{r.amountInWords}</em>
            </dd>
            {r.memo && (
              <>
                <dt>Nội dung</dt>
                <dd>{r.memo}</dd>
              </>
            )}
            <dt>Công khai tên</dt>
            <dd>{r.publishName ? 'Có' : 'Không'}</dd>
            <dt>Người lập</dt>
            <dd>{r.recordedBy ?? ''}</dd>
          </dl>
          <p className="receipt-date">
            <em>{placeDate(r.unitName, r.receivedOn)}</em>
          </p>
          <div className="receipt-signatures">
            <div>
              <strong>NGƯỜI ỦNG HỘ</strong>
              <br />
              <span className="small">(Ký, ghi rõ họ tên)</span>
            </div>
            <div>
              <strong>NGƯỜI NHẬN</strong>
              <br />
              <span className="small">(Ký, ghi rõ họ tên)</span>
              <p className="receipt-signer">{r.recordedBy ?? ''}</p>
            </div>
          </div>
          <p className="small muted no-print">{t('fund.receiptNote')}</p>
        </article>
      )}
    </>
  );
}
