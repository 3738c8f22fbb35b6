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
import {
  formatCell,
  formatValue,
  maxValue,
  valueTicks,
  type ChartData,
  type ChartFormat,
  type ChartKind,
} from '~/utils/chart-data'

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
  // The server's SVG (chart-svg.tsx) laid out the same box: its value ticks, its 72 px value axis,
  // horizontal labels, bar widths and the page's font at 11 px, so the swap changes little.
  const ticks = valueTicks(maxValue(kind, data), format)
  const font = { family: getComputedStyle(canvas).fontFamily, size: 11 }
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
        borderWidth: kind === 'line' ? 2 : 0,
        categoryPercentage: 0.8,
        barPercentage: 0.95,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 12 } },
      interaction: { mode: 'index', intersect: false },
      plugins: {
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label}: ${formatValue(Number(item.raw), format)}` },
        },
      },
      scales: {
        x: {
          stacked: kind === 'stacked',
          ticks: { color: colours.text, font, maxTicksLimit: 8, maxRotation: 0, autoSkipPadding: 16 },
          grid: { display: false },
          border: { display: false },
        },
        y: {
          stacked: kind === 'stacked',
          min: 0,
          max: ticks[ticks.length - 1] || 1,
          ticks: {
            color: colours.text,
            font,
            stepSize: (ticks[1] ?? 1) - (ticks[0] ?? 0),
            callback: (value) => formatValue(Number(value), format),
          },
          grid: { color: colours.grid },
          border: { display: false },
          afterFit: (scale) => {
            scale.width = 72
          },
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
      values: dataset.data as Array<number | null>,
      written: (dataset.data as Array<number | null>).map((value) => formatCell(value, format)),
    })),
  }
}
