/**
 * chart.js, fetched with import() by chart-on-intent.ts when the reader first reaches for a chart, so
 * no page carries it on load. Only the pieces drawn here are registered, so the bundler leaves the
 * rest of chart.js out.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'
import { formatValue, type ChartData, type ChartFormat, type ChartKind } from '~/utils/chart-data'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
)

export type ChartColours = { series: string[]; text: string; grid: string }

/** How each drawn chart writes its values (its axis and tooltips), for drawnOn. */
const formats = new WeakMap<Chart, ChartFormat>()

export function drawChart(
  canvas: HTMLCanvasElement,
  kind: ChartKind,
  data: ChartData,
  format: ChartFormat,
  colours: ChartColours,
): Chart {
  const colourOf = (i: number) => colours.series[i % colours.series.length] ?? colours.text
  const chart = new Chart(canvas, {
    type: kind === 'line' ? 'line' : 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.name,
        data: s.values,
        borderColor: colourOf(i),
        backgroundColor: colourOf(i),
        pointRadius: data.labels.length > 31 ? 0 : 2.5,
        borderWidth: 2,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label}: ${formatValue(Number(item.raw), format)}` },
        },
      },
      scales: {
        x: { stacked: kind === 'stacked', ticks: { color: colours.text, maxTicksLimit: 8 }, grid: { display: false } },
        y: {
          stacked: kind === 'stacked',
          beginAtZero: true,
          ticks: { color: colours.text, callback: (value) => formatValue(Number(value), format) },
          grid: { color: colours.grid },
        },
      },
    },
  })
  formats.set(chart, format)
  return chart
}

/** The theme changed: the same chart in the new colours. */
export function recolour(chart: Chart, colours: ChartColours) {
  chart.data.datasets.forEach((dataset, i) => {
    const colour = colours.series[i % colours.series.length] ?? colours.text
    dataset.borderColor = colour
    dataset.backgroundColor = colour
  })
  for (const axis of ['x', 'y'] as const) {
    const scale = chart.options.scales?.[axis]
    if (scale?.ticks) scale.ticks.color = colours.text
  }
  const y = chart.options.scales?.y
  if (y?.grid) y.grid.color = colours.grid
  chart.update()
}

/**
 * What chart.js holds for a canvas: the labels, and each series' name, colour, values and the values
 * as its tooltips write them. The page never calls it; e2e/charts-on-intent-live.spec.ts imports this
 * chunk to compare it with the table.
 * @public
 */
export function drawnOn(canvas: HTMLCanvasElement) {
  const chart = Chart.getChart(canvas)
  const format = chart && formats.get(chart)
  if (!chart || !format) return null
  return {
    labels: chart.data.labels as string[],
    series: chart.data.datasets.map((dataset) => ({
      name: dataset.label ?? '',
      colour: String(dataset.borderColor),
      values: dataset.data as number[],
      written: (dataset.data as number[]).map((value) => formatValue(value, format)),
    })),
  }
}
