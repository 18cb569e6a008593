// uPlot charts (the global from /webjars/uplot/.../uPlot.iife.min.js). Each chart is made once its host has a width,
// follows the host's width, and is destroyed when the view's signal aborts. Charts are pictures (role="img"): every
// chart has a table with the same numbers beside it.
import { h } from './dom.js';

const AXIS = { stroke: '#1b1b1f', grid: { stroke: '#e3e5ea', width: 1 }, ticks: { stroke: '#c9cdd4', width: 1 } };

/** The element a chart lives in: a labelled picture. */
export function chartHost(label, testid) {
  return h('div', { class: 'chart', role: 'img', 'aria-label': label, 'data-testid': testid });
}

function mount(host, height, makeOpts, data, signal) {
  if (!window.uPlot) {
    host.append(h('p', { class: 'hint' }, 'Chart unavailable (uPlot did not load); the table has the numbers.'));
    return;
  }
  let plot = null;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(host.clientWidth);
    if (!width) return;
    if (!plot) plot = new window.uPlot({ ...makeOpts(), width, height }, data, host);
    else if (Math.abs(plot.width - width) > 1) plot.setSize({ width, height });
  });
  observer.observe(host);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    plot?.destroy();
  });
}

/** Bars of values by label: bars(host, {labels, values, max?, color?}, signal). */
export function bars(host, { labels, values, max, color = '#0b57d0', format = (v) => v }, signal) {
  const xs = labels.map((_, i) => i);
  const top = max ?? Math.max(1, ...values.filter((v) => v != null)) * 1.15;
  mount(host, 240, () => ({
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: [0, top] } },
    axes: [
      { ...AXIS, grid: { show: false }, splits: () => xs, values: (u, splits) => splits.map((i) => labels[i] ?? '') },
      { ...AXIS, values: (u, splits) => splits.map(format) },
    ],
    series: [{}, {
      label: 'value', stroke: color, fill: `${color}cc`, width: 1,
      paths: window.uPlot.paths.bars({ size: [0.6, 64] }), points: { show: false },
    }],
  }), [xs, values], signal);
}

/**
 * Lines over time: lines(host, {times (ISO), series: [{label, values, color}], marks: [{at (ISO), label}], format}, signal).
 * Values may be null (a gap the line spans).
 */
export function lines(host, { times, series, marks = [], format = (v) => v }, signal) {
  const xs = [];
  for (const t of times) {
    const x = new Date(t).getTime() / 1000;
    xs.push(xs.length && x <= xs[xs.length - 1] ? xs[xs.length - 1] + 0.001 : x);
  }
  const markXs = marks.map((m) => new Date(m.at).getTime() / 1000);
  const drawMarks = (u) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = '#4a4a55';
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1;
    for (const x of markXs) {
      const px = Math.round(u.valToPos(x, 'x', true));
      if (px < bbox.left || px > bbox.left + bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(px, bbox.top);
      ctx.lineTo(px, bbox.top + bbox.height);
      ctx.stroke();
    }
    ctx.restore();
  };
  mount(host, 260, () => ({
    legend: { show: false },
    scales: { x: { time: true } },
    axes: [{ ...AXIS }, { ...AXIS, size: 56, values: (u, splits) => splits.map(format) }],
    series: [{}, ...series.map((s) => ({
      label: s.label, stroke: s.color, width: 2, spanGaps: true, points: { show: true, size: 6, fill: s.color },
    }))],
    hooks: { draw: [drawMarks] },
  }), [xs, ...series.map((s) => s.values)], signal);
}

/** A legend of colour swatches (the swatch colour comes from a class per mode). */
export function legend(items) {
  return h('ul', { class: 'legend' }, items.map(({ label, cls }) =>
    h('li', {}, h('span', { class: `sw ${cls}`, 'aria-hidden': 'true' }), label)));
}
