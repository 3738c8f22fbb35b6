import { type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Chart } from '~/components/charts/chart'
import { CardSection } from '~/components/ui/card-section'
import { DataTable, numeric } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'
import { loadMarket } from '~/services/analytics/market.server'
import { formatChange } from '~/services/analytics/metrics'
import { formatMoney } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Market · MegiLance' }]

const LEVELS = ['entry', 'intermediate', 'expert'] as const
const LEVEL_LABELS = { entry: 'Entry', intermediate: 'Intermediate', expert: 'Expert' } as const

/** Public market intelligence. */
export async function loader() {
  return json(await loadMarket())
}

export default function MarketPage() {
  const { currency, windowDays, skills, rising, charts } = useLoaderData<typeof loader>()
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '—' : formatMoney(minor, currency)
  return (
    <>
      <PageHeader title="Market">
        <p className="muted">
          What clients on MegiLance asked for in the last {windowDays} days, what they budget, and how many freelancers
          offer each skill. Counted from public projects and profiles; amounts in {currency}.
        </p>
      </PageHeader>
      <section className="card chart-grid" aria-label="Charts">
        {charts.map((chart) => (
          <Chart key={chart.id} {...chart} />
        ))}
      </section>
      <CardSection id="skills-heading" title="Demand and supply by skill">
        <SkillTable
          caption="Projects posted, their trend, freelancers and the median fixed budget, per skill"
          columns={['Projects', 'Trend', 'Freelancers', 'Median fixed budget']}
          skills={skills}
          cells={(s) => [s.demand, formatChange(s.growth), s.supply, money(s.medianFixedBudgetMinor)]}
        />
        <p className="muted">Trend: projects posted in the last 45 days against the 45 days before.</p>
      </CardSection>
      <CardSection id="levels-heading" title="Budgets and rates by skill and level">
        <SkillTable
          caption="Median fixed budget by the level the project asks for, and median hourly rate by the freelancer's level, per skill"
          columns={LEVELS.flatMap((level) => [`${LEVEL_LABELS[level]} budget`, `${LEVEL_LABELS[level]} rate /h`])}
          skills={skills}
          cells={(s) =>
            LEVELS.flatMap((level) => [
              money(s.medianFixedBudgetMinorByLevel[level]),
              money(s.medianHourlyRateMinor[level]),
            ])
          }
        />
      </CardSection>
      <CardSection id="rising-heading" title="Rising fastest">
        {rising.length ? (
          <ol>
            {rising.map((s) => (
              <li key={s.skill}>
                {s.skill}: {formatChange(s.growth)} ({s.previousHalf} → {s.lastHalf} projects)
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">Not enough projects yet to tell which skills are rising.</p>
        )}
      </CardSection>
    </>
  )
}

type SkillRow = SerializeFrom<typeof loader>['skills'][number]

/** A table with a row per skill: its name, then its figures in `columns` (right-aligned). */
function SkillTable({
  caption,
  columns,
  skills,
  cells,
}: {
  caption: string
  columns: string[]
  skills: SkillRow[]
  cells: (skill: SkillRow) => ReactNode[]
}) {
  return (
    <DataTable
      caption={caption}
      columns={['Skill', ...columns.map(numeric)]}
      scrollable
      empty={skills.length ? null : 'No projects posted in this period yet.'}
    >
      {skills.map((s) => (
        <tr key={s.skill}>
          <th scope="row">{s.skill}</th>
          {cells(s).map((cell, i) => (
            <td key={columns[i]} className="numeric">
              {cell}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  )
}
