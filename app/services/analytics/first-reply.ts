/**
 * Time to first reply: in each conversation, from the first message someone else sent the
 * freelancer to the freelancer's first answer after it. The median over the range is the headline;
 * the spread over a few plain-language bands is the chart.
 */
import { median } from 'simple-statistics'
import { chartBlock } from './chart-block'

const HOUR_MS = 3_600_000

/** One conversation: when the other side first wrote, and when the freelancer first answered (null: not yet). */
export type FirstReplyRow = { at: number; repliedAt: number | null }

/** Upper ends of the bands, in hours; the last band is open, then the unanswered. */
const BANDS: { label: string; belowHours: number }[] = [
  { label: 'Within 1 hour', belowHours: 1 },
  { label: '1 to 4 hours', belowHours: 4 },
  { label: '4 to 24 hours', belowHours: 24 },
  { label: '1 to 3 days', belowHours: 72 },
  { label: 'Over 3 days', belowHours: Infinity },
]
const UNANSWERED = 'Not answered yet'

export function summariseFirstReplies(rows: FirstReplyRow[]) {
  const hours = rows.flatMap((r) => (r.repliedAt === null ? [] : [(r.repliedAt - r.at) / HOUR_MS]))
  const counts = BANDS.map(() => 0)
  for (const h of hours) counts[BANDS.findIndex((b) => h < b.belowHours)]!++
  const chart = chartBlock(
    {
      id: 'first-reply',
      title: 'Time to first reply, conversations by how soon you answered',
      kind: 'bar',
      labelHeading: 'First reply',
    },
    [...BANDS.map((b) => b.label), UNANSWERED],
    [{ name: 'Conversations', values: [...counts, rows.length - hours.length] }],
  )
  return { medianHours: hours.length ? median(hours) : null, answered: hours.length, asked: rows.length, chart }
}
