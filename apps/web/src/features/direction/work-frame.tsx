import type { ReactNode } from 'react';
import { todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { Field, SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { DirectionTabs, type DirectionTab } from './tabs';
import type { Fetched } from '../../query';

// The frame shared by the unit's own records of programme 5, one page each: key tasks (target 16), elections and the Party
// congress (12) in tasks-pages.tsx; training (15a), grading (15b, 15c), the commendation registry and
// coordination programmes in people-pages.tsx.

const thisYear = () => Number(todayIso().slice(0, 4));

/** The unit (default: the user's) and the year (default: this year) of a page, kept in the address. */
function useUnitYear() {
  const { me } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const year = q.year ? Number(q.year) : thisYear();
  return { unit, year, setUnit: (id: number | null) => setQ({ unit: id }), setYear: (y: number) => setQ({ year: y }) };
}

export function Frame({
  tab,
  title,
  sub,
  withYear = false,
  children,
}: {
  tab: DirectionTab;
  title: string;
  sub: string;
  withYear?: boolean;
  children: (unit: number, year: number) => ReactNode;
}) {
  const { t } = useI18n();
  const { unit, year, setUnit, setYear } = useUnitYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear() - i);
  return (
    <>
      <PageTitle title={title} sub={sub} />
      <DirectionTabs tab={tab} />
      <div className="filters">
        <UnitSelect label={t('direction.unit')} value={unit} onChange={setUnit} allowClear={false} />
        {withYear && (
          <SelectField
            label={t('direction.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.target.value))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        )}
      </div>
      {unit ? children(unit, year) : <Empty>{t('direction.pickUnit')}</Empty>}
    </>
  );
}

export function Loaded<T>({ f, children }: { f: Fetched<T>; children: (data: T) => ReactNode }) {
  if (f.error) return <ErrorNote error={f.error} onRetry={f.reload} />;
  if (!f.data) return <Loading />;
  return <>{children(f.data)}</>;
}

export function TextArea({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a) => <textarea {...a} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');
