import type { DuplicateCandidate } from '@contract/households';
import { SUPPORT_KIND_LABELS } from '@contract/households-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ApiError } from '../../api';
import { CheckboxField } from '../../ui/fields';

/** Candidates carried by a HOUSEHOLD_DUPLICATE refusal, or null. */
export function duplicatesOf(e: unknown): DuplicateCandidate[] | null {
  if (e instanceof ApiError && e.code === 'HOUSEHOLD_DUPLICATE') return (e.details as { candidates: DuplicateCandidate[] }).candidates;
  return null;
}

/** The likely duplicates shown before saving, and (once the server refused) the box that saves anyway. */
export function DuplicatesNote({ candidates, confirmed, onConfirm }: { candidates: DuplicateCandidate[]; confirmed?: boolean; onConfirm?: (v: boolean) => void }) {
  const { t, pick } = useI18n();
  return (
    <div className="note note-warn">
      <p>{t('hh.duplicatesFound')}</p>
      <ul>
        {candidates.map((c, i) => (
          <li key={i}>
            {!c.inScope ? (
              t(c.reason === 'same_support' ? 'hh.outOfScopeSupport' : 'hh.outOfScopeMatch')
            ) : (
              <>
                <Link to={`/households/${c.householdId}`}>{c.name}</Link>
                {c.birthYear ? ` (${c.birthYear})` : ''} — {c.villageName}
                {c.address ? `, ${c.address}` : ''}
                {c.support && (
                  <div className="small">
                    {t('hh.duplicateSupport', {
                      kind: pick(SUPPORT_KIND_LABELS[c.support.kind]),
                      year: c.support.year,
                      date: formatDate(c.support.supportDate),
                      unit: c.support.unitName,
                    })}
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {onConfirm && <CheckboxField label={t('hh.confirmDuplicates')} checked={!!confirmed} onChange={(e) => onConfirm(e.target.checked)} />}
    </div>
  );
}
