// ECharts options of the psychological record: score over time per scale, and the band chart
// of one result. Pure (no DOM), so the shapes are unit-tested.
import { bandSegments, localText } from './answers.js'
import { formatInstant } from '../../../utils/format.js'

const BAND_COLOURS = ['#67c23a', '#95d475', '#e6a23c', '#f89898', '#f56c6c', '#c45656']

// A line of one scale's totals over time; `points` are [[createdAt, total]]. The axis names
// each result by its minute in Asia/Shanghai (whatever the browser's zone), one step per result,
// with the date over the time so that the first and last labels are not cut at the edges.
// With the scale's `bands`, the value axis spans the whole scale (PHQ-9 0–27, so a rise from 8
// to 12 does not fill the chart) and each band is a shaded stripe named in `locale`.
export function scoreLineOption(points, title, bands = [], locale = 'zh-CN') {
  const segments = bandSegments(bands)
  const yAxis = { type: 'value', minInterval: 1 }
  const series = { type: 'line', data: points.map((p) => p[1]), symbolSize: 8, label: { show: true, position: 'top' }, z: 3 }
  if (segments.length) {
    const top = segments.at(-1).from + segments.at(-1).width - 1
    Object.assign(yAxis, { min: segments[0].from, max: top })
    series.markArea = {
      silent: true,
      label: { position: 'insideLeft', fontSize: 10, color: '#909399' },
      data: segments.map((b, i) => [
        { yAxis: b.from, name: localText(b.label, locale), itemStyle: { color: BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)], opacity: 0.12 } },
        { yAxis: Math.min(b.from + b.width, top) }
      ])
    }
  }
  return {
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 20, right: 20, top: 50, bottom: 10, containLabel: true },
    xAxis: {
      type: 'category', data: points.map((p) => formatInstant(p[0]).slice(0, 16)),
      axisLabel: { formatter: (v) => v.replace(' ', '\n'), hideOverlap: true }
    },
    yAxis,
    series: [series]
  }
}

// The scale's bands as one stacked horizontal bar, with a marker at `score`.
export function bandChartOption(bands, score, locale, scoreLabel) {
  const segments = bandSegments(bands)
  const series = segments.map((s, i) => ({
    type: 'bar', stack: 'bands', name: localText(s.label, locale), barWidth: 28,
    itemStyle: { color: BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)] },
    label: { show: s.width > 0, formatter: `${s.from}–${s.from + s.width - 1}`, color: '#fff', fontSize: 11 },
    data: [s.width]
  }))
  if (series.length) {
    series[0].markLine = {
      symbol: ['none', 'none'], lineStyle: { color: '#303133', width: 3, type: 'solid' },
      label: { formatter: `${scoreLabel} ${score}`, position: 'end', fontWeight: 'bold' },
      data: [{ xAxis: score }]
    }
  }
  const min = segments.length ? segments[0].from : 0
  const max = segments.length ? segments.at(-1).from + segments.at(-1).width : 1
  return {
    animation: false,
    legend: { bottom: 0, textStyle: { fontSize: 11 } },
    grid: { left: 10, right: 10, top: 30, bottom: 40 },
    xAxis: { type: 'value', min, max, show: false },
    yAxis: { type: 'category', data: [''], show: false },
    series: min === 0 ? series : [{ type: 'bar', stack: 'bands', data: [min], itemStyle: { color: 'transparent' }, silent: true }, ...series]
  }
}
