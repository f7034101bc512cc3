import { useEffect, useState } from 'react';
import { errorText } from '../components/error-text';
import { useI18n, type Translate } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';
import { useManagedMunicipalities } from './municipality-picker';

interface Count {
  key: string;
  count: number;
}
interface Durations {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}
interface Compliance {
  met: number;
  breached: number;
  open: number;
  rate: number | null;
}
/** GET /api/v1/reports/dashboard */
interface Dashboard {
  volumes: {
    total: number;
    byKind: Count[];
    byCategory: Count[];
    byChannel: Count[];
    byMunicipality: Count[];
  };
  firstResponse: Durations;
  resolution: Durations;
  sla: {
    response: Compliance;
    resolution: Compliance;
    trend: { week: string; tickets: number; responseRate: number | null; resolutionRate: number | null }[];
  };
  backlog: { open: number; ageing: Count[] };
  satisfaction: { responses: number; average: number | null; byScore: Count[] };
  busiestHours: { weekday: number; hour: number; count: number }[];
}

const PERIODS = [7, 30, 90, 365] as const;
const DAY = 86_400_000;

/**
 * The supervisors' overview of a period, for the region or one municipality: the figures the
 * API computes (no arithmetic here), as tables with bars, and the same as CSV or XLSX to download.
 */
export function DashboardView() {
  const { t, language } = useI18n();
  const { api, municipalities, categories } = useWorkspace();
  const { regionWide, mine } = useManagedMunicipalities();
  const [days, setDays] = useState<number>(30);
  const [municipality, setMunicipality] = useState('');
  const [data, setData] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Whole days, so that a reload within the day asks the same question.
  const to = new Date(Math.ceil(Date.now() / DAY) * DAY);
  const query = new URLSearchParams({
    from: new Date(to.getTime() - days * DAY).toISOString(),
    to: to.toISOString(),
    ...(municipality ? { municipality } : {}),
  }).toString();

  useEffect(() => {
    let cancelled = false;
    setFailure(null);
    api
      .get<Dashboard>(`/api/v1/reports/dashboard?${query}`)
      .then((d) => !cancelled && setData(d))
      .catch((error) => !cancelled && setFailure(errorText(t, error)));
    return () => {
      cancelled = true;
    };
  }, [api, query, t]);

  const download = async (what: 'dashboard' | 'tickets', format: 'csv' | 'xlsx') => {
    try {
      const href = URL.createObjectURL(await api.blob(`/api/v1/reports/${what}.${format}?${query}`));
      const a = document.createElement('a');
      a.href = href;
      a.download = `${what}-${municipality || 'regio'}-${days}d.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (error) {
      setFailure(errorText(t, error));
    }
  };

  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name[language] ?? code;
  const municipalityName = (code: string) => municipalities.find((m) => m.code === code)?.name ?? code;
  return (
    <main id="main" className="answers dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <div className="dashboard-controls">
        <label htmlFor="dashboard-period">{t('dashboard.period')}</label>
        <select id="dashboard-period" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t('dashboard.lastDays', { days: String(d) })}
            </option>
          ))}
        </select>
        <label htmlFor="dashboard-municipality">{t('answers.municipality')}</label>
        <select
          id="dashboard-municipality"
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
        >
          <option value="">{regionWide ? t('answers.region') : t('dashboard.mine')}</option>
          {mine.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void download('dashboard', 'csv')}>
          {t('dashboard.csv')}
        </button>
        <button type="button" onClick={() => void download('tickets', 'csv')}>
          {t('dashboard.ticketsCsv')}
        </button>
        <button type="button" onClick={() => void download('dashboard', 'xlsx')}>
          {t('dashboard.xlsx')}
        </button>
        <button type="button" onClick={() => void download('tickets', 'xlsx')}>
          {t('dashboard.ticketsXlsx')}
        </button>
      </div>
      {failure ? <p role="alert">{failure}</p> : null}
      {data ? (
        <>
          <dl className="dashboard-tiles" data-testid="dashboard-tiles">
            <Tile label={t('dashboard.tickets')} value={String(data.volumes.total)} />
            <Tile label={t('dashboard.firstResponse')} value={durations(t, data.firstResponse)} />
            <Tile label={t('dashboard.resolution')} value={durations(t, data.resolution)} />
            <Tile label={t('dashboard.slaResponse')} value={percent(data.sla.response.rate)} />
            <Tile label={t('dashboard.slaResolution')} value={percent(data.sla.resolution.rate)} />
            <Tile label={t('dashboard.backlog')} value={String(data.backlog.open)} />
            <Tile
              label={t('dashboard.satisfaction')}
              value={
                data.satisfaction.average === null
                  ? '—'
                  : `${data.satisfaction.average.toLocaleString(language)} / 5 (${data.satisfaction.responses})`
              }
            />
          </dl>
          <div className="dashboard-grid">
            <Bars
              id="category"
              title={t('answers.category')}
              items={data.volumes.byCategory}
              name={categoryName}
            />
            <Bars
              id="channel"
              title={t('dashboard.channel')}
              items={data.volumes.byChannel}
              name={(k) => t(`channel.${k as 'phone'}`)}
            />
            <Bars
              id="kind"
              title={t('intake.kind')}
              items={data.volumes.byKind}
              name={(k) => t(`kind.${k as 'report'}`)}
            />
            <Bars
              id="municipality"
              title={t('answers.municipality')}
              items={data.volumes.byMunicipality}
              name={municipalityName}
            />
            <Bars id="ageing" title={t('dashboard.ageing')} items={data.backlog.ageing} name={(k) => k} />
            <Bars
              id="score"
              title={t('dashboard.scores')}
              items={data.satisfaction.byScore}
              name={(k) => `${k} ★`}
            />
            <Bars
              id="trend"
              title={t('dashboard.trend')}
              items={data.sla.trend.map((w) => ({ key: w.week, count: w.tickets }))}
              name={(week) => {
                const w = data.sla.trend.find((x) => x.week === week)!;
                return `${week} · ${percent(w.responseRate)} / ${percent(w.resolutionRate)}`;
              }}
            />
            <Bars
              id="hours"
              title={t('dashboard.busiest')}
              items={data.busiestHours
                .slice(0, 8)
                .map((h) => ({ key: `${h.weekday}-${h.hour}`, count: h.count }))}
              name={(k) => {
                const [weekday, hour] = k.split('-').map(Number);
                return `${t(`dashboard.weekday.${weekday as 1}`)} ${String(hour).padStart(2, '0')}:00`;
              }}
            />
          </div>
        </>
      ) : null}
    </main>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="dashboard-tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A table of counts with a bar each (a <meter>: its value is read out, and no inline style). */
function Bars({
  id,
  title,
  items,
  name,
}: {
  id: string;
  title: string;
  items: Count[];
  name: (key: string) => string;
}) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section aria-labelledby={`bars-${id}`} data-testid={`bars-${id}`}>
      <h2 id={`bars-${id}`}>{title}</h2>
      <table className="answers-table">
        <tbody>
          {items.map((i) => (
            <tr key={i.key}>
              <th scope="row">{name(i.key)}</th>
              <td>
                <meter min={0} max={max} value={i.count} aria-hidden="true" />
              </td>
              <td>{i.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function durations(t: Translate, d: Durations): string {
  if (d.medianMinutes === null) return '—';
  return t('dashboard.durations', { median: human(t, d.medianMinutes), p90: human(t, d.p90Minutes ?? 0) });
}

function human(t: Translate, minutes: number): string {
  if (minutes < 90) return t('dashboard.minutes', { n: Math.round(minutes) });
  if (minutes < 48 * 60) return t('dashboard.hours', { n: Math.round(minutes / 6) / 10 });
  return t('dashboard.days', { n: Math.round(minutes / 144) / 10 });
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
