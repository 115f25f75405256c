import { useState } from 'react';
import type { ImportSummary } from '@contract/units';
import { UNIT_DATASETS, type UnitDataset } from '@contract/units-values';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../format';
import { Notice } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { call } from '../../client';

/** The administrator's import of the real administrative-unit data (the same as the CLI command). */
export function UnitImport() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [dataset, setDataset] = useState<UnitDataset>('bac-giang-2020-2025');
  const [provinces, setProvinces] = useState('');
  const [result, setResult] = useState<ImportSummary | null>(null);
  const codes = provinces.split(/[\s,;]+/).filter(Boolean);

  return (
    <Section
      title={t('unitImport.title')}
      actions={
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          {t('unitImport.open')}
        </button>
      }
    >
      <p className="hint">{t('unitImport.intro')}</p>
      {result && (
        <Notice kind="ok">
          {t('unitImport.done', {
            units: formatNumber(result.created.units),
            events: formatNumber(result.created.events),
            lineage: formatNumber(result.created.lineage),
            skipped: formatNumber(result.skipped.units),
          })}
        </Notice>
      )}
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('unitImport.title')}
        submitLabel={t('unitImport.run')}
        onSubmit={async () =>
          setResult(await call('POST /api/units/import', { body: { dataset, ...(dataset === 'reform-2025-07-01' && codes.length ? { provinceCodes: codes } : {}) } }))
        }
      >
        {(errs) => (
          <>
            <SelectField
              label={t('unitImport.dataset')}
              value={dataset}
              onChange={(e) => setDataset(e.target.value as UnitDataset)}
              options={UNIT_DATASETS.map((d) => ({ value: d, label: t(`unitImport.${d}`) }))}
            />
            {dataset === 'reform-2025-07-01' && (
              <TextField
                label={t('unitImport.provinces')}
                hint={t('unitImport.provincesHint')}
                value={provinces}
                inputMode="numeric"
                error={errs.provinceCodes}
                onChange={(e) => setProvinces(e.target.value)}
              />
            )}
            <p className="hint">{t('unitImport.safe')}</p>
          </>
        )}
      </FormDialog>
    </Section>
  );
}
