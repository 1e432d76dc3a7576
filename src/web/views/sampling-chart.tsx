// Sampling results of one parameter over time, drawn on the server as inline SVG: it needs
// no script and no chart library, prints, and reads to a screen reader through its title,
// description and the data table beside it (inside a <details>).
import type { SamplingSeries } from '../../use-cases/public-records/get-public-facility.ts';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 24, bottom: 40, left: 64 };

function formatNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (magnitude >= 1) return String(Number(value.toFixed(2)));
  return String(Number(value.toPrecision(3)));
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The chart's scales: y from zero (or the lowest negative value) to a little above the highest. */
export function chartScales(series: SamplingSeries) {
  const times = series.points.map((p) => p.sampledAt.getTime());
  const values = series.points.map((p) => p.result);
  const minTime = Math.min(...times);
  const maxTime = Math.max(...times);
  const minValue = Math.min(0, ...values);
  const maxValue = Math.max(...values) === minValue ? minValue + 1 : Math.max(...values) * 1.05;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  return {
    x: (time: number) => MARGIN.left + (maxTime === minTime ? plotWidth / 2 : ((time - minTime) / (maxTime - minTime)) * plotWidth),
    y: (value: number) => MARGIN.top + plotHeight - ((value - minValue) / (maxValue - minValue)) * plotHeight,
    minValue,
    maxValue,
  };
}

export function SamplingChart(props: { series: SamplingSeries; index: number }) {
  const { series, index } = props;
  const scales = chartScales(series);
  const id = `chart-${index}`;
  const first = series.points[0]!;
  const last = series.points[series.points.length - 1]!;
  const values = series.points.map((p) => p.result);
  const yTicks = [scales.minValue, (scales.minValue + scales.maxValue) / 2, scales.maxValue];
  const path = series.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${scales.x(p.sampledAt.getTime()).toFixed(1)},${scales.y(p.result).toFixed(1)}`).join(' ');
  const label = `${series.parameter} (${series.units})`;
  return (
    <figure class="outfall-chart-figure">
      <h3>{label}</h3>
      <svg class="outfall-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{`${label} over time`}</title>
        <desc id={`${id}-desc`}>
          {`${series.points.length} results from ${day(first.sampledAt)} to ${day(last.sampledAt)}; lowest ${formatNumber(Math.min(...values))}, highest ${formatNumber(Math.max(...values))}, latest ${formatNumber(last.result)} ${series.units}.`}
        </desc>
        <g class="outfall-chart-axis">
          <line x1={MARGIN.left} y1={HEIGHT - MARGIN.bottom} x2={WIDTH - MARGIN.right} y2={HEIGHT - MARGIN.bottom} />
          <line x1={MARGIN.left} y1={MARGIN.top} x2={MARGIN.left} y2={HEIGHT - MARGIN.bottom} />
          {yTicks.map((tick) => (
            <text x={MARGIN.left - 8} y={scales.y(tick) + 4} text-anchor="end">
              {formatNumber(tick)}
            </text>
          ))}
          <text x={scales.x(first.sampledAt.getTime())} y={HEIGHT - MARGIN.bottom + 20} text-anchor="start">
            {day(first.sampledAt)}
          </text>
          {series.points.length > 1 ? (
            <text x={scales.x(last.sampledAt.getTime())} y={HEIGHT - MARGIN.bottom + 20} text-anchor="end">
              {day(last.sampledAt)}
            </text>
          ) : null}
        </g>
        <path class="outfall-chart-line" d={path} />
        {series.points.map((p) => (
          <circle class="outfall-chart-point" cx={scales.x(p.sampledAt.getTime()).toFixed(1)} cy={scales.y(p.result).toFixed(1)} r="4">
            <title>{`${day(p.sampledAt)}: ${formatNumber(p.result)} ${series.units}`}</title>
          </circle>
        ))}
      </svg>
      <details>
        <summary>{`${label}: the results as a table`}</summary>
        <table class="usa-table usa-table--compact">
          <caption>{`${label}, each sample`}</caption>
          <thead>
            <tr>
              <th scope="col">Sampled on</th>
              <th scope="col">Result ({series.units})</th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p) => (
              <tr>
                <td>{day(p.sampledAt)}</td>
                <td>{formatNumber(p.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
