import { formatScore } from '../core/score/round';

export interface RadarAxis {
  /** Short id shown first ("1" … "10"). */
  id: string;
  label: string;
  /** 0–100. */
  value: number;
}

const W = 680;
const H = 440;
const R = 150;
const CX = W / 2;
const CY = H / 2;

function point(i: number, n: number, r: number): [number, number] {
  const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [CX + r * Math.cos(a), CY + r * Math.sin(a)];
}

const pts = (n: number, radius: (i: number) => number) =>
  Array.from({ length: n }, (_, i) =>
    point(i, n, radius(i))
      .map((v) => v.toFixed(1))
      .join(','),
  ).join(' ');

/**
 * The "กราฟใยแมงมุม" of seed 001: one axis per indicator, rings every 20 points, dashed rings at
 * the measures thresholds (85 urgent, 92 improve), the scores as a filled polygon. Plain inline
 * SVG (no script, no fonts loaded); every label is a text node.
 */
export function RadarChart({
  axes,
  title,
  thresholds = [85, 92],
}: {
  axes: RadarAxis[];
  title: string;
  thresholds?: number[];
}) {
  const n = axes.length;
  const clamp = (v: number) => Math.max(0, Math.min(100, v));
  return (
    <svg
      className="oit-radar"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={title}
      data-testid="radar-chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      {[20, 40, 60, 80, 100].map((ring) => (
        <polygon key={ring} className="oit-radar-ring" points={pts(n, () => (R * ring) / 100)} />
      ))}
      {thresholds.map((th) => (
        <polygon
          key={`t${th}`}
          className={`oit-radar-threshold oit-radar-threshold-${th}`}
          points={pts(n, () => (R * th) / 100)}
        />
      ))}
      {axes.map((axis, i) => {
        const [x, y] = point(i, n, R);
        return (
          <line
            key={axis.id}
            className="oit-radar-axis"
            data-axis={axis.id}
            x1={CX}
            y1={CY}
            x2={x.toFixed(1)}
            y2={y.toFixed(1)}
          />
        );
      })}
      <polygon className="oit-radar-area" points={pts(n, (i) => (R * clamp(axes[i]?.value ?? 0)) / 100)} />
      {axes.map((axis, i) => {
        const [x, y] = point(i, n, (R * clamp(axis.value)) / 100);
        return (
          <circle key={axis.id} className="oit-radar-point" cx={x.toFixed(1)} cy={y.toFixed(1)} r={3.5}>
            <title>{`${axis.id} ${axis.label}: ${formatScore(axis.value)}`}</title>
          </circle>
        );
      })}
      {axes.map((axis, i) => {
        const [x, y] = point(i, n, R + 14);
        const dx = x - CX;
        const anchor = Math.abs(dx) < 8 ? 'middle' : dx > 0 ? 'start' : 'end';
        const above = y < CY - R + 5;
        const baseY = above ? y - 14 : y + (y > CY + R - 5 ? 10 : 0);
        return (
          <text
            key={axis.id}
            className="oit-radar-label"
            x={x.toFixed(1)}
            y={baseY.toFixed(1)}
            textAnchor={anchor}
          >
            <tspan>{`${axis.id}. ${axis.label}`}</tspan>
            <tspan className="oit-radar-value" x={x.toFixed(1)} dy="15">
              {formatScore(axis.value)}
            </tspan>
          </text>
        );
      })}
      {[20, 40, 60, 80, 100].map((ring) => (
        <text
          key={`s${ring}`}
          className="oit-radar-scale"
          x={CX + 3}
          y={(CY - (R * ring) / 100 + 11).toFixed(1)}
        >
          {ring}
        </text>
      ))}
    </svg>
  );
}
