import { spreadsheetCsv } from '~/utils/spreadsheet-csv'
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { decimalAmount, groupedAmount, type TaxStatement } from './tax-statement'

/** One row per month and currency, then a total row per currency; amounts as plain decimals. */
export function statementCsv(statement: TaxStatement): string {
  const header = ['Year', 'Currency', 'Month', ...statement.columns.map((column) => column.label)]
  const records: string[][] = []
  for (const section of statement.sections) {
    for (const row of section.rows)
      records.push([
        String(statement.year),
        section.currency,
        row.label,
        ...row.values.map((value) => decimalAmount(value, section.currency)),
      ])
    records.push([
      String(statement.year),
      section.currency,
      'Total',
      ...section.totals.map((value) => decimalAmount(value, section.currency)),
    ])
  }
  return spreadsheetCsv([header, ...records])
}

/** Latin letters with a stroke, which Unicode does not decompose into a base letter and a mark. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
}

/**
 * The standard PDF fonts only encode WinAnsi. Anything else becomes its accent-free letters when
 * that helps ("Ż" → "Z", "Ł" → "L"), or "?" (other scripts), so a name in any script never breaks the download.
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet())
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (supported.has(code)) {
      out += char
      continue
    }
    const plain = (LETTERS_WITHOUT_DECOMPOSITION[char] ?? char).normalize('NFKD').replace(/\p{M}/gu, '')
    out += plain && [...plain].every((part) => supported.has(part.codePointAt(0) ?? 0)) ? plain : '?'
  }
  return out
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 50
const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.38, 0.4, 0.45)
const RULE = rgb(0.8, 0.82, 0.86)

/** The statement as a one-or-more page A4 PDF with a table per currency and the totals in bold. */
export async function statementPdf(statement: TaxStatement): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const title = `MegiLance tax statement ${statement.year}`
  doc.setTitle(title)
  doc.setAuthor('MegiLance')
  doc.setCreationDate(statement.generatedAt)

  let page: PDFPage = doc.addPage(A4)
  let y = A4[1] - MARGIN
  const text = (value: string, x: number, size: number, font = regular, color = INK) =>
    page.drawText(winAnsiSafe(value, font), { x, y, size, font, color })
  const right = (value: string, xRight: number, size: number, font = regular) => {
    const safe = winAnsiSafe(value, font)
    page.drawText(safe, { x: xRight - font.widthOfTextAtSize(safe, size), y, size, font, color: INK })
  }
  const ensure = (space: number) => {
    if (y - space < MARGIN) {
      page = doc.addPage(A4)
      y = A4[1] - MARGIN
    }
  }

  text(title, MARGIN, 18, bold)
  y -= 26
  const holder = statement.holder
  const who = [
    `${holder.name} <${holder.email}>`,
    statement.role === 'freelancer' ? 'Freelancer account' : 'Client account',
  ]
  const where = [
    holder.countryName ? `Billing country: ${holder.countryName}` : 'No billing country given',
    holder.vatId ? `VAT ID: ${holder.vatId}` : null,
  ].filter(Boolean) as string[]
  for (const line of [
    ...who,
    where.join(' · '),
    `Period: 1 January – 31 December ${statement.year} (UTC) · issued ${statement.generatedAt.toISOString().slice(0, 10)}`,
  ]) {
    text(line, MARGIN, 10, regular, MUTED)
    y -= 14
  }
  y -= 10

  const width = A4[0] - 2 * MARGIN
  const firstColumn = 90
  const columnWidth = (width - firstColumn) / statement.columns.length
  const columnRight = (index: number) => MARGIN + firstColumn + columnWidth * (index + 1)

  if (!statement.sections.length) {
    text(`No money moved on your account in ${statement.year}.`, MARGIN, 11)
    y -= 18
  }
  for (const section of statement.sections) {
    ensure(60 + section.rows.length * 15)
    text(`Amounts in ${section.currency}`, MARGIN, 12, bold)
    y -= 18
    text('Month', MARGIN, 9, bold)
    statement.columns.forEach((column, index) => right(column.short, columnRight(index), 9, bold))
    y -= 6
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.75, color: RULE })
    y -= 12
    for (const row of section.rows) {
      ensure(30)
      text(row.label, MARGIN, 9)
      row.values.forEach((value, index) => right(groupedAmount(value, section.currency), columnRight(index), 9))
      y -= 14
    }
    page.drawLine({
      start: { x: MARGIN, y: y + 10 },
      end: { x: MARGIN + width, y: y + 10 },
      thickness: 0.75,
      color: RULE,
    })
    y -= 2
    text('Total', MARGIN, 9, bold)
    section.totals.forEach((value, index) => right(groupedAmount(value, section.currency), columnRight(index), 9, bold))
    y -= 28
  }

  ensure(20 + statement.columns.length * 12 + statement.notes.length * 12)
  for (const column of statement.columns) {
    text(`${column.short}: ${column.label}`, MARGIN, 8, regular, MUTED)
    y -= 11
  }
  y -= 6
  for (const note of statement.notes) {
    for (const line of wrap(winAnsiSafe(note, regular), regular, 8, width)) {
      ensure(12)
      text(line, MARGIN, 8, regular, MUTED)
      y -= 11
    }
  }
  return doc.save()
}
