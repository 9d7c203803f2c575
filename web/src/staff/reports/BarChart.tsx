// Received per month, online stacked on desk: a hand-drawn SVG (no chart library for one
// picture). Scales to its box; each bar has its numbers as a title for the screen reader.
import type { ReportFigures } from '@hsc/shared/desk';
import { useStaffT } from '../i18n/index.ts';
import { monthLabel } from './aggregate.ts';

const H = 180;
const TOP = 18;
const BOTTOM = 26;
const BAR = 36;
const GAP = 22;

export function BarChart({ months }: { months: (ReportFigures & { month: string })[] }) {
  const { t } = useStaffT();
  const max = Math.max(1, ...months.map((m) => m.received));
  const width = Math.max(240, months.length * (BAR + GAP) + GAP);
  const scale = (n: number) => (n / max) * (H - TOP - BOTTOM);
  return (
    <figure className="chart" data-testid="report-chart">
      <svg viewBox={`0 0 ${width} ${H}`} role="img" aria-label={t('reports.chart')} preserveAspectRatio="xMinYMin meet">
        <line x1={0} x2={width} y1={H - BOTTOM} y2={H - BOTTOM} className="chart-axis" />
        {months.map((m, i) => {
          const x = GAP + i * (BAR + GAP);
          const online = scale(m.online);
          const desk = scale(m.desk);
          const base = H - BOTTOM;
          return (
            <g key={m.month} data-testid="chart-bar" data-month={m.month}>
              <title>{t('reports.chartBar', { month: monthLabel(m.month), online: m.online, desk: m.desk })}</title>
              <rect x={x} y={base - desk} width={BAR} height={desk} className="chart-desk" />
              <rect x={x} y={base - desk - online} width={BAR} height={online} className="chart-online" />
              <text x={x + BAR / 2} y={base - desk - online - 4} textAnchor="middle" className="chart-value">
                {m.received}
              </text>
              <text x={x + BAR / 2} y={H - 8} textAnchor="middle" className="chart-label">
                {monthLabel(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend small">
        <span className="key key-online" /> {t('reports.online')} <span className="key key-desk" /> {t('reports.desk')}
      </figcaption>
    </figure>
  );
}
