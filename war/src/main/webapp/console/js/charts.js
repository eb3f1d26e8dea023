// Charts on uPlot: small sparklines for the fleet, time charts with axes and legend elsewhere.
import { withUnit } from './dom.js';

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function seriesColor(i) {
  return css(`--series-${(i % 6) + 1}`);
}

function translucent(color, alpha) {
  const hex = color.replace('#', '');
  if (hex.length !== 6) return color;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function widthOf(node, fallback) {
  return Math.max(Math.floor(node.getBoundingClientRect().width) || fallback, 60);
}

/** Follows the container's width; uPlot itself has a fixed size. */
function resizing(plot, node, height) {
  const observer = new ResizeObserver(() => {
    const width = widthOf(node, plot.width);
    if (width !== plot.width) plot.setSize({ width, height });
  });
  observer.observe(node);
  return () => {
    observer.disconnect();
    plot.destroy();
  };
}

/** A sparkline: one series, no axes, the newest value in the caller's label. */
export function sparkline(node, colorIndex) {
  const height = 36;
  const color = seriesColor(colorIndex);
  const plot = new uPlot({
    width: widthOf(node, 160),
    height,
    pxAlign: false,
    cursor: { show: false },
    select: { show: false },
    legend: { show: false },
    scales: { x: { time: true }, y: { auto: true, range: (u, min, max) => [Math.min(0, min), max > min ? max : min + 1] } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: color, width: 1.5, fill: translucent(color, 0.18), points: { show: false } }]
  }, [[], []], node);
  const destroy = resizing(plot, node, height);
  return {
    update(xs, ys) {
      plot.setData([xs, ys]);
    },
    destroy
  };
}

/** A time chart of one metric (one line per series), values shown in the metric's unit. */
export function timeChart(node, { unit, labels, height = 220 }) {
  const grid = { stroke: css('--grid'), width: 1 };
  const axis = { stroke: css('--muted'), grid, ticks: grid };
  const plot = new uPlot({
    width: widthOf(node, 480),
    height,
    cursor: { drag: { x: true, y: false } },
    // one point would stretch the time axis over years: show a minute around it instead
    scales: { x: { time: true, range: (u, min, max) => (max > min ? [min, max] : [min - 30, max + 30]) } },
    axes: [axis, { ...axis, size: 70, values: (u, splits) => splits.map((v) => withUnit(v, unit)) }],
    series: [{}, ...labels.map((label, i) => ({
      label,
      stroke: seriesColor(i),
      width: 1.5,
      points: { show: false },
      value: (u, v) => withUnit(v, unit)
    }))]
  }, [[], ...labels.map(() => [])], node);
  const destroy = resizing(plot, node, height);
  return {
    update(xs, columns) {
      plot.setData([xs, ...columns]);
    },
    destroy
  };
}

/**
 * Lines up several series (each with its own timestamps, in seconds) on one x axis, nulls where a
 * series has no point, as uPlot wants them.
 */
export function align(seriesList) {
  const xs = [...new Set(seriesList.flatMap((s) => s.xs))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = seriesList.map((s) => {
    const column = new Array(xs.length).fill(null);
    s.xs.forEach((x, i) => {
      column[index.get(x)] = s.ys[i];
    });
    return column;
  });
  return { xs, columns };
}
