import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useEndpoint } from '../../query';
import { ErrorNote } from '../../ui/feedback';
import { Section } from '../../ui/page';

/** What waits for me, each a tap to its list; an empty list says so rather than showing zeros. */
export function TodoSection() {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/home/todo');
  const waiting = res.data?.items.filter((i) => i.count > 0) ?? [];
  return (
    <Section title={t('home.todo')}>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {res.data && waiting.length === 0 && <p className="muted">{t('home.todoNone')}</p>}
      {waiting.length > 0 && (
        <ul className="todo-list" data-testid="todo">
          {waiting.map((i) => (
            <li key={i.key}>
              <Link to={i.to} className={i.key === 'petitions.overdue' ? 'todo todo-urgent' : 'todo'}>
                <strong className="todo-count">{i.count}</strong> <span>{t(`home.todo.${i.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
