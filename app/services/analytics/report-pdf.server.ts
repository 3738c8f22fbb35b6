/**
 * The analytics report as a PDF (pdf-lib): the period, the six cards with their change, each chart
 * drawn small with its table, and the top-5 tables. Built from the same object as the page.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { winAnsiSafe } from '~/services/payments/tax/tax-statement-files.server'
import { formatCell, formatValue, maxValue } from '~/utils/chart-data'
import { formatMoney } from '~/utils/format'
import type { AdminAnalytics } from './admin-analytics.server'
import type { ChartBlock } from './chart-block'
import { formatCardValue, formatChange } from './metrics'

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 50
const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.38, 0.4, 0.45)
const RULE = rgb(0.8, 0.82, 0.86)
const SERIES = [rgb(0.11, 0.31, 0.85), rgb(0.76, 0.25, 0.05), rgb(0.08, 0.5, 0.24), rgb(0.49, 0.13, 0.81)]
const CHART_HEIGHT = 90
/** Tables longer than this print their first and last rows (a year of days would not fit). */
const MAX_ROWS = 14

class Writer {
  page: PDFPage
  y: number
  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4)
    this.y = A4[1] - MARGIN
  }
  /** A new page when fewer than `height` points are left. */
  room(height: number) {
    if (this.y - height >= MARGIN) return
    this.page = this.doc.addPage(A4)
    this.y = A4[1] - MARGIN
  }
  text(
    value: string,
    x: number,
    options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; right?: boolean } = {},
  ) {
    const font = options.bold ? this.bold : this.regular
    const size = options.size ?? 9
    const safe = winAnsiSafe(value, font)
    const left = options.right ? x - font.widthOfTextAtSize(safe, size) : x
    this.page.drawText(safe, { x: left, y: this.y, size, font, color: options.color ?? INK })
  }
  line(size = 9, gap = 4) {
    this.y -= size + gap
  }
  rule() {
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 3 },
      end: { x: A4[0] - MARGIN, y: this.y + 3 },
      thickness: 0.5,
      color: RULE,
    })
  }
}

function shownRows<T>(rows: T[]): (T | null)[] {
  if (rows.length <= MAX_ROWS) return rows
  const half = Math.floor(MAX_ROWS / 2)
  return [...rows.slice(0, half), null, ...rows.slice(-half)]
}

function drawChart(w: Writer, block: ChartBlock) {
  const width = A4[0] - 2 * MARGIN
  const top = maxValue(block.kind, block.data) || 1
  const bottom = w.y - CHART_HEIGHT
  const slot = width / Math.max(1, block.data.labels.length)
  w.page.drawLine({
    start: { x: MARGIN, y: bottom },
    end: { x: MARGIN + width, y: bottom },
    thickness: 0.5,
    color: RULE,
  })
  block.data.series.forEach((series, si) => {
    const color = SERIES[si % SERIES.length]!
    const yOf = (value: number) => bottom + (Math.max(0, value) / top) * CHART_HEIGHT
    if (block.kind === 'line') {
      series.values.forEach((value, i) => {
        const next = series.values[i + 1]
        // A gap (null) breaks the line: nothing is drawn to or from it.
        if (next === undefined || next === null || value === null) return
        w.page.drawLine({
          start: { x: MARGIN + slot * (i + 0.5), y: yOf(value) },
          end: { x: MARGIN + slot * (i + 1.5), y: yOf(next) },
          thickness: 1.5,
          color,
        })
      })
      return
    }
    const barWidth = (slot * 0.8) / (block.kind === 'bar' ? block.data.series.length : 1)
    series.values.forEach((value, i) => {
      if (value === null) return
      const below =
        block.kind === 'stacked'
          ? block.data.series.slice(0, si).reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
          : 0
      const x = MARGIN + slot * i + slot * 0.1 + (block.kind === 'bar' ? barWidth * si : 0)
      w.page.drawRectangle({
        x,
        y: yOf(below),
        width: Math.max(0.5, barWidth - 0.5),
        height: yOf(below + value) - yOf(below),
        color,
      })
    })
  })
  w.text(formatValue(top, block.format), MARGIN + width, { size: 7, color: MUTED, right: true })
  w.y = bottom - 4
}

function drawTable(w: Writer, columns: string[], rows: (string[] | null)[]) {
  const width = A4[0] - 2 * MARGIN
  const first = width * 0.4
  const rest = columns.length > 1 ? (width - first) / (columns.length - 1) : 0
  const xRight = (i: number) => MARGIN + first + rest * i
  w.room(12)
  w.line(8, 4)
  columns.forEach((column, i) =>
    i === 0
      ? w.text(column, MARGIN, { size: 8, bold: true })
      : w.text(column, xRight(i), { size: 8, bold: true, right: true }),
  )
  for (const row of rows) {
    w.room(11)
    w.line(8, 3)
    if (!row) {
      w.text('…', MARGIN, { size: 8, color: MUTED })
      continue
    }
    row.forEach((cell, i) =>
      i === 0 ? w.text(cell, MARGIN, { size: 8 }) : w.text(cell, xRight(i), { size: 8, right: true }),
    )
  }
}

export async function analyticsReportPdf(report: AdminAnalytics, generatedAt: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(`MegiLance analytics, ${report.period.label}`)
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  )
  w.text('MegiLance analytics', MARGIN, { size: 18, bold: true })
  w.line(18, 6)
  w.text(`${report.period.label} (time zone ${report.period.timeZone}, amounts in ${report.currency})`, MARGIN, {
    size: 10,
  })
  w.line(10, 4)
  w.text(`Made ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, MARGIN, { size: 8, color: MUTED })
  w.line(8, 14)

  for (const card of report.cards) {
    w.text(card.label, MARGIN, { size: 10 })
    w.text(formatCardValue(card, report.currency), MARGIN + 300, { size: 10, bold: true, right: true })
    w.text(`${formatChange(card.change)} vs previous period`, MARGIN + 320, { size: 9, color: MUTED })
    w.line(10, 6)
  }

  for (const chart of report.charts) {
    w.room(CHART_HEIGHT + 60)
    w.line(10, 12)
    w.rule()
    w.text(chart.title, MARGIN, { size: 11, bold: true })
    w.line(11, 6)
    w.text(chart.data.series.map((s) => s.name).join(' · '), MARGIN, { size: 8, color: MUTED })
    w.line(8, 4)
    drawChart(w, chart)
    const rows = chart.data.labels.map((label, i) => [
      label,
      ...chart.data.series.map((s) => formatCell(s.values[i], chart.format)),
    ])
    drawTable(w, [chart.labelHeading, ...chart.data.series.map((s) => s.name)], shownRows(rows))
  }

  for (const table of report.tables) {
    w.room(60)
    w.line(10, 12)
    w.rule()
    w.text(table.title, MARGIN, { size: 11, bold: true })
    const rows = table.rows.map((row) =>
      row.map((cell, i) =>
        table.moneyColumns.includes(i) && typeof cell === 'number' ? formatMoney(cell, report.currency) : String(cell),
      ),
    )
    drawTable(w, table.columns, rows.length ? rows : [['Nothing in this period.']])
  }
  return doc.save()
}
