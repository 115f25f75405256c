import { useMemo, useState } from 'react';
import type { MetricView } from '@contract/metrics';
import { TARGET_STATUS_LABELS } from '@contract/targets-values';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { ErrorNote, Loading } from '../../ui/feedback';
import { SelectField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { boundsOf, projector } from './map-geometry';
import { dashboardUrl, formatValue, recordsUrl, scaleColour, STATUS_COLOUR } from './present';
import { useEndpoint, useLoad } from '../../query';
import { call } from '../../client';

/** The GeoJSON the shapes endpoint sends as a file (the table declares no JSON answer for it). */
type Shapes = { type: 'FeatureCollection'; features: Array<{ properties: { code: string; name: string }; geometry: { coordinates: number[][][][] } }> };

// Loaded once a visit: the boundaries do not change while the app is open.
let shapesOnce: Promise<Shapes> | undefined;
const loadShapes = () =>
  (shapesOnce ??= (call('GET /api/targets/map/shapes') as Promise<Shapes>).catch((e) => {
    shapesOnce = undefined;
    throw e;
  }));

/** The communes/wards coloured by a target's verdict or a metric's value; a tap opens the commune's targets. */
type MapTarget = { number: number; title: string; measured: boolean };

export function CommuneMap({ unit, year, view, targets }: { unit: number; year: number; view: MetricView; targets: MapTarget[] }) {
  const { t, pick, locale } = useI18n();
  const first = targets.find((x) => x.measured) ?? targets[0];
  const [choice, setChoice] = useState(first ? `target:${first.number}` : 'metric:org.units_by_level');
  const metrics = useEndpoint('GET /api/metrics');
  const shapes = useLoad(['GET /api/targets/map/shapes'], loadShapes);
  const [kind, key] = choice.split(':');
  const data = useEndpoint('GET /api/targets/map', { query: { unit, year, view, ...(kind === 'target' ? { target: Number(key) } : { metric: key }) } });
  const geo = useMemo(() => {
    if (!shapes.data) return null;
    const features = shapes.data.features;
    return { features, proj: projector(boundsOf(features.map((f) => f.geometry.coordinates)), 340) };
  }, [shapes.data]);
  const byCode = new Map((data.data?.units ?? []).map((u) => [u.unit.code, u]));
  const max = Math.max(0, ...(data.data?.units ?? []).map((u) => u.value ?? 0));
  const uom = data.data?.unitOfMeasure ?? 'count';
  // Zoom to the communes that carry data, so one ward fills the frame as well as the whole province.
  const shown = geo?.features.filter((f) => byCode.has(f.properties.code)) ?? [];
  const view2 = geo && shown.length ? projector(boundsOf(shown.map((f) => f.geometry.coordinates)), 340) : geo?.proj;
  const colour = (code: string) => {
    const u = byCode.get(code);
    if (!u) return '#f3f4f6';
    return kind === 'target' ? STATUS_COLOUR[u.status ?? 'not_applicable'] : scaleColour(u.value, max);
  };
  const label = (u: NonNullable<ReturnType<typeof byCode.get>>) =>
    `${u.unit.name}: ${kind === 'target' ? pick(TARGET_STATUS_LABELS[u.status ?? 'not_applicable']) + (u.value !== null ? ` (${formatValue(u.value, uom, locale)})` : '') : formatValue(u.value, uom, locale)}`;
  const open = (u: NonNullable<ReturnType<typeof byCode.get>>) => dashboardUrl(u.from.length === 1 ? u.from[0].id : u.unit.id, year);

  return (
    <Section title={t('targets.map')}>
      <div className="filters">
        <SelectField
          label={t('targets.mapColour')}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          options={[
            ...targets.map((x) => ({ value: `target:${x.number}`, label: `${t('targets.mapByTarget', { n: x.number })} — ${x.title.slice(0, 60)}` })),
            ...(metrics.data ?? []).map((m) => ({ value: `metric:${m.key}`, label: pick(m.label) })),
          ]}
        />
      </div>
      <p className="hint">{t('targets.mapHelp')}</p>
      {(shapes.error || data.error) && <ErrorNote error={(shapes.error ?? data.error)!} onRetry={shapes.error ? shapes.reload : data.reload} />}
      {(!geo || !data.data) && !shapes.error && !data.error && <Loading />}
      {geo && view2 && data.data && (
        <>
          <svg className="map" viewBox={`0 0 ${view2.width} ${view2.height}`} role="group" aria-label={t('targets.map')}>
            {(shown.length ? shown : geo.features).map((f) => {
              const u = byCode.get(f.properties.code);
              const d = view2.path(f.geometry.coordinates);
              if (!u) return <path key={f.properties.code} d={d} fill={colour(f.properties.code)} className="map-shape map-off" />;
              return (
                <a
                  key={f.properties.code}
                  href={open(u)}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(open(u));
                  }}
                  aria-label={label(u)}
                >
                  <title>{label(u)}</title>
                  <path d={d} fill={colour(f.properties.code)} className="map-shape" data-code={f.properties.code} />
                </a>
              );
            })}
          </svg>
          {kind === 'metric' && <p className="small muted">{t('targets.mapLegendMax', { value: formatValue(max, uom, locale) })}</p>}
          <ul className="map-list small">
            {data.data.units
              .filter((u) => kind === 'metric' || u.status !== 'not_applicable')
              .map((u) => (
                <li key={u.unit.id}>
                  <span className="swatch" style={{ background: colour(u.unit.code) }} aria-hidden="true" />
                  <Link to={open(u)}>{u.unit.name}</Link>
                  {u.from.length > 1 || (u.from[0] && u.from[0].id !== u.unit.id) ? <span className="muted"> ({u.from.map((x) => x.name).join(', ')})</span> : null}
                  {': '}
                  {kind === 'metric' ? (
                    <Link to={recordsUrl(key, u.from.length === 1 ? u.from[0].id : u.unit.id, year)}>{formatValue(u.value, uom, locale)}</Link>
                  ) : (
                    <>
                      {pick(TARGET_STATUS_LABELS[u.status ?? 'not_applicable'])}
                      {u.value !== null && ` (${formatValue(u.value, uom, locale)})`}
                    </>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </Section>
  );
}
