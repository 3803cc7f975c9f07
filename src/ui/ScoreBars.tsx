import { formatScore } from '../core/score/round';

export interface ScoreBar {
  key: string;
  label: string;
  /** 0–100. */
  value: number;
  /** Shown after the value, e.g. "8/9 ข้อ". */
  note?: string;
}

const W = 680;
const LABEL = 300;
const BAR = 260;
const ROW = 28;

function tone(value: number): string {
  if (value >= 92) return 'good';
  if (value >= 85) return 'fair';
  return 'poor';
}

/**
 * Horizontal score bars in inline SVG (OIT sub-indicators, or the tool scores when only IIT and
 * EIT were entered). Colour by the measures bands: 92 and above, 85–92, below 85.
 */
export function ScoreBars({ bars, title, testId }: { bars: ScoreBar[]; title: string; testId?: string }) {
  const height = bars.length * ROW + 24;
  return (
    <svg
      className="oit-bars"
      viewBox={`0 0 ${W} ${height}`}
      width={W}
      height={height}
      role="img"
      aria-label={title}
      data-testid={testId ?? 'score-bars'}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      {[0, 50, 85, 92, 100].map((tick) => {
        const x = LABEL + (BAR * tick) / 100;
        return (
          <g key={tick}>
            <line
              className={`oit-bars-tick oit-bars-tick-${tick}`}
              x1={x}
              x2={x}
              y1={0}
              y2={bars.length * ROW}
            />
            <text className="oit-bars-scale" x={x} y={bars.length * ROW + 16} textAnchor="middle">
              {tick}
            </text>
          </g>
        );
      })}
      {bars.map((bar, i) => {
        const y = i * ROW;
        const v = Math.max(0, Math.min(100, bar.value));
        return (
          <g key={bar.key} data-bar={bar.key}>
            <text className="oit-bars-label" x={LABEL - 8} y={y + 18} textAnchor="end">
              {bar.label}
            </text>
            <rect className="oit-bars-track" x={LABEL} y={y + 6} width={BAR} height={16} />
            <rect
              className={`oit-bars-bar oit-bars-${tone(v)}`}
              x={LABEL}
              y={y + 6}
              width={(BAR * v) / 100}
              height={16}
            >
              <title>{`${bar.label}: ${formatScore(bar.value)}`}</title>
            </rect>
            <text className="oit-bars-value" x={LABEL + BAR + 8} y={y + 18}>
              {`${formatScore(bar.value)}${bar.note ? `  ${bar.note}` : ''}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
