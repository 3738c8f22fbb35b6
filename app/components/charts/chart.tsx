import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Chart as ChartJs } from 'chart.js'
import { describeChart, formatCell, type ChartData, type ChartFormat, type ChartKind } from '~/utils/chart-data'
import { ChartSvg, seriesClass } from './chart-svg'
import type { ChartColours } from './chart-runtime'
import { useHydrated } from '~/components/security/use-hydrated'
import { loadChartRuntime, useChartRuntime } from './chart-on-intent'

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

/** A layout effect in the browser; on the server (which runs neither) an effect, so React does not warn. */
const useLayoutEffectInBrowser = typeof document === 'undefined' ? useEffect : useLayoutEffect

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
 * The app's one chart. Without JavaScript, and with it until the reader reaches for a chart: a text
 * summary, an SVG drawn on the server (its columns carry the numbers as hover titles) and the data
 * table. When the pointer enters a chart, it is tapped or it gets keyboard focus, chart.js is fetched
 * (chart-on-intent.ts) and every chart of the page draws the same numbers with it, in the same box,
 * with tooltips and series that can be switched off and on.
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
  const hydrated = useHydrated()
  const runtime = useChartRuntime()
  // Once chart.js is here, the render that shows the canvas is the one whose layout effect draws it,
  // before the browser paints: the SVG is never replaced by an empty box.
  const enhanced = runtime !== null
  const dataKey = JSON.stringify([kind, data, format])
  // Series switched off, for this data only (a new chart starts with every series on).
  const [hidden, setHidden] = useState<{ dataKey: string; names: string[] }>({ dataKey, names: [] })
  const hiddenNames = hidden.dataKey === dataKey ? hidden.names : []

  useLayoutEffectInBrowser(() => {
    const figure = figureRef.current
    const canvas = canvasRef.current
    if (!runtime || !figure || !canvas) return
    const { drawChart, recolour } = runtime
    const chart = drawChart(canvas, kind, data, format, readColours(figure))
    chartRef.current = chart
    // The theme can change without a reload (settings, or the system's dark mode).
    const onTheme = () => recolour(chart, readColours(figure))
    const observer = new MutationObserver(onTheme)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    media.addEventListener('change', onTheme)
    return () => {
      observer.disconnect()
      media.removeEventListener('change', onTheme)
      chart.destroy()
      chartRef.current = null
    }
    // dataKey stands for kind, data and format, which are new objects on every render.
  }, [runtime, dataKey])

  const toggle = (index: number, name: string) => {
    const chart = chartRef.current
    if (!chart) return
    const visible = !chart.isDatasetVisible(index)
    chart.setDatasetVisibility(index, visible)
    chart.update()
    const names = visible ? hiddenNames.filter((n) => n !== name) : [...hiddenNames, name]
    setHidden({ dataKey, names })
  }

  // Each value as the table and the SVG's hover titles write it, formatted once.
  const cells = data.series.map((s) => data.labels.map((_, i) => formatCell(s.values[i], format)))
  const headingId = `${id}-title`
  const summaryId = `${id}-summary`
  return (
    <figure
      className="chart"
      id={id}
      ref={figureRef}
      aria-labelledby={headingId}
      aria-describedby={summaryId}
      // Reaching for a chart (pointer, tap, keyboard focus) fetches chart.js. So that a keyboard can,
      // the figure is focusable once hydrated (not before: without JavaScript focus does nothing),
      // named by its caption and described by the summary.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={hydrated ? 0 : undefined}
      data-chart={enhanced ? 'chartjs' : 'svg'}
      onPointerEnter={loadChartRuntime}
      onPointerDown={loadChartRuntime}
      onFocus={loadChartRuntime}
    >
      <figcaption id={headingId} className="chart__title">
        {title}
      </figcaption>
      <p id={summaryId} className="visually-hidden">
        {describeChart(title, kind, data, format)}
      </p>
      {data.series.length > 0 && data.series.every((s) => s.values.every((v) => v === null)) ? (
        // Every bucket is a gap (an average over no reviews): say so rather than show an empty plot.
        <p className="muted" aria-hidden="true">
          Nothing to show in this period.
        </p>
      ) : null}
      <ul className="chart__legend">
        {data.series.map((s, i) => (
          <li key={s.name}>
            {enhanced && data.series.length > 1 ? (
              <button
                type="button"
                className="chart__legend-item chart__toggle"
                aria-pressed={!hiddenNames.includes(s.name)}
                onClick={() => toggle(i, s.name)}
              >
                <span className={`chart__swatch ${seriesClass(i)}`} aria-hidden="true" />
                {s.name}
              </button>
            ) : (
              <span className="chart__legend-item">
                <span className={`chart__swatch ${seriesClass(i)}`} aria-hidden="true" />
                {s.name}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="chart__plot">
        {enhanced ? null : <ChartSvg kind={kind} data={data} format={format} cells={cells} />}
        <canvas ref={canvasRef} hidden={!enhanced} aria-hidden="true" />
      </div>
      <details className="chart__data">
        <summary>Table: {title}</summary>
        {/* On a phone the table scrolls sideways: a named region that takes focus lets a keyboard scroll it
            (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus */}
        <div className="table-wrap" role="region" aria-label={`Table: ${title}`} tabIndex={0}>
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
                  {data.series.map((s, si) => (
                    <td key={s.name} className="numeric">
                      {cells[si]![i]}
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
