import { useEffect, useRef, useState } from 'react'
import type { Chart as ChartJs } from 'chart.js'
import { describeChart, formatValue, type ChartData, type ChartFormat, type ChartKind } from '~/utils/chart-data'
import { ChartSvg, seriesClass } from './chart-svg'
import type { ChartColours } from './chart-runtime'

export type ChartProps = {
  /** Unique on the page: names the figure, its table and its canvas. */
  id: string
  title: string
  /** line for trends, bar for comparisons (series side by side), stacked for parts of a whole. */
  kind: ChartKind
  /** labels[i] is the bucket of every series' values[i]. */
  data: ChartData
  /** How values are written (axis, table, tooltips, summary); counts by default. */
  format?: ChartFormat
  /** The heading of the table's first column, e.g. "Week" or "Skill". */
  labelHeading?: string
  /** A link to the same table as CSV, shown under the chart. */
  csvHref?: string
}

/** Resolved colours: custom properties with light-dark() only resolve on a property like `color`. */
function readColours(figure: HTMLElement): ChartColours {
  const swatches = [...figure.querySelectorAll<HTMLElement>('.chart__swatch')]
  const style = getComputedStyle(figure)
  return {
    series: swatches.map((swatch) => getComputedStyle(swatch).color),
    text: style.color,
    grid: style.borderTopColor,
  }
}

/**
 * The app's one chart. Without JavaScript: a text summary, an SVG drawn on the server and the data
 * table. With JavaScript: chart.js (loaded on demand) draws the same numbers with tooltips, and
 * each series can be switched off and on.
 */
export function Chart({
  id,
  title,
  kind,
  data,
  format = { kind: 'count' },
  labelHeading = 'Period',
  csvHref,
}: ChartProps) {
  const figureRef = useRef<HTMLElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const chartRef = useRef<ChartJs | null>(null)
  const [enhanced, setEnhanced] = useState(false)
  const [hidden, setHidden] = useState<string[]>([])
  const dataKey = JSON.stringify([kind, data, format])

  useEffect(() => {
    let cancelled = false
    let stopWatching = () => {}
    void import('./chart-runtime').then(({ drawChart, recolour }) => {
      const figure = figureRef.current
      const canvas = canvasRef.current
      if (cancelled || !figure || !canvas) return
      const chart = drawChart(canvas, kind, data, format, readColours(figure))
      chartRef.current = chart
      setHidden([])
      setEnhanced(true)
      // The theme can change without a reload (settings, or the system's dark mode).
      const onTheme = () => recolour(chart, readColours(figure))
      const observer = new MutationObserver(onTheme)
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
      const media = window.matchMedia('(prefers-color-scheme: dark)')
      media.addEventListener('change', onTheme)
      stopWatching = () => {
        observer.disconnect()
        media.removeEventListener('change', onTheme)
      }
    })
    return () => {
      cancelled = true
      stopWatching()
      chartRef.current?.destroy()
      chartRef.current = null
    }
    // dataKey stands for kind, data and format, which are new objects on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey])

  const toggle = (index: number, name: string) => {
    const chart = chartRef.current
    if (!chart) return
    const visible = !chart.isDatasetVisible(index)
    chart.setDatasetVisibility(index, visible)
    chart.update()
    setHidden((names) => (visible ? names.filter((n) => n !== name) : [...names, name]))
  }

  const headingId = `${id}-title`
  return (
    <figure
      className="chart"
      id={id}
      ref={figureRef}
      aria-labelledby={headingId}
      data-chart={enhanced ? 'chartjs' : 'svg'}
    >
      <figcaption id={headingId} className="chart__title">
        {title}
      </figcaption>
      <p className="visually-hidden">{describeChart(title, kind, data, format)}</p>
      <ul className="chart__legend">
        {data.series.map((s, i) => (
          <li key={s.name}>
            {enhanced && data.series.length > 1 ? (
              <button
                type="button"
                className="chart__toggle"
                aria-pressed={!hidden.includes(s.name)}
                onClick={() => toggle(i, s.name)}
              >
                <span className={`chart__swatch ${seriesClass(i)}`} aria-hidden="true" />
                {s.name}
              </button>
            ) : (
              <>
                <span className={`chart__swatch ${seriesClass(i)}`} aria-hidden="true" />
                {s.name}
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="chart__plot">
        {enhanced ? null : <ChartSvg kind={kind} data={data} format={format} />}
        <canvas ref={canvasRef} hidden={!enhanced} aria-hidden="true" />
      </div>
      <details className="chart__data">
        <summary>Table: {title}</summary>
        <div className="table-wrap">
          <table data-chart-table={id}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                {data.series.map((s) => (
                  <th key={s.name} scope="col" className="numeric">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {data.series.map((s) => (
                    <td key={s.name} className="numeric">
                      {formatValue(s.values[i] ?? 0, format)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {csvHref ? (
          <p>
            <a href={csvHref} download>
              Download CSV
            </a>
          </p>
        ) : null}
      </details>
    </figure>
  )
}
