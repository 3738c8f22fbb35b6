import { json, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Chart } from '~/components/charts/chart'
import { CardSection } from '~/components/ui/card-section'
import { DataTable } from '~/components/ui/data-table'
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
        <DataTable
          caption="Projects posted, their trend, freelancers and the median fixed budget, per skill"
          columns={[
            'Skill',
            { label: 'Projects', className: 'numeric' },
            { label: 'Trend', className: 'numeric' },
            { label: 'Freelancers', className: 'numeric' },
            { label: 'Median fixed budget', className: 'numeric' },
          ]}
          empty={skills.length ? null : 'No projects posted in this period yet.'}
        >
          {skills.map((s) => (
            <tr key={s.skill}>
              <th scope="row">{s.skill}</th>
              <td className="numeric">{s.demand}</td>
              <td className="numeric">{formatChange(s.growth)}</td>
              <td className="numeric">{s.supply}</td>
              <td className="numeric">{money(s.medianFixedBudgetMinor)}</td>
            </tr>
          ))}
        </DataTable>
        <p className="muted">Trend: projects posted in the last 45 days against the 45 days before.</p>
      </CardSection>
      <CardSection id="levels-heading" title="Budgets and rates by skill and level">
        <DataTable
          caption="Median fixed budget by the level the project asks for, and median hourly rate by the freelancer's level, per skill"
          columns={[
            'Skill',
            ...LEVELS.flatMap((level) => [
              { label: `${LEVEL_LABELS[level]} budget`, className: 'numeric' },
              { label: `${LEVEL_LABELS[level]} rate /h`, className: 'numeric' },
            ]),
          ]}
          empty={skills.length ? null : 'No projects posted in this period yet.'}
        >
          {skills.map((s) => (
            <tr key={s.skill}>
              <th scope="row">{s.skill}</th>
              {LEVELS.flatMap((level) => [
                <td key={`${level}-budget`} className="numeric">
                  {money(s.medianFixedBudgetMinorByLevel[level])}
                </td>,
                <td key={`${level}-rate`} className="numeric">
                  {money(s.medianHourlyRateMinor[level])}
                </td>,
              ])}
            </tr>
          ))}
        </DataTable>
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
