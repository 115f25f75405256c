import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../ui/date-field';
import { useDefaultAsOf } from './use-as-of';

/** The date at which the unit tree is read ("as of"), with a one-tap return to the default date. */
export function AsOfField({ value, onChange, hint }: { value: string; onChange: (iso: string) => void; hint?: string }) {
  const { t } = useI18n();
  const fallback = useDefaultAsOf();
  return (
    <div className="as-of">
      <DateField label={t('units.asOf')} value={value} onChange={onChange} hint={hint ?? t('units.asOfHint')} />
      {value !== fallback && (
        <button type="button" className="link-btn small" onClick={() => onChange(fallback)}>
          {fallback === todayIso() ? t('date.backToToday') : t('date.backTo', { date: formatDate(fallback) })}
        </button>
      )}
    </div>
  );
}
