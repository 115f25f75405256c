import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Section } from '../../ui/page';
import { AuditList } from './audit-list';

/** "History of this record": every change to one record, for any page showing that record. */
export function RecordHistory({ entity, id }: { entity: string; id: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Section
      title={t('audit.recordHistory')}
      actions={
        <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('common.hide') : t('common.show')}
        </button>
      }
    >
      {open ? <AuditList filter={{ entity, id }} compact /> : <p className="hint">{t('audit.recordHistoryHint')}</p>}
    </Section>
  );
}
