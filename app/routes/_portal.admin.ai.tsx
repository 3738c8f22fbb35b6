import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { DataTable, numeric } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'
import { FRAUD_ALERT_TYPE_LABELS } from '~/domain/fraud-alerts'
import { requireRole } from '~/http/auth.server'
import { aiMonitoringPage } from '~/services/ai/ai-monitoring.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'AI monitoring · Admin · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json(await aiMonitoringPage())
}

const MODEL_NAMES = { matching: 'Matching weights', success: 'Success prediction' } as const
const percent = (share: number) => `${(100 * share).toFixed(1)}%`
const auc = (value: number | null) => (value === null ? 'not measurable' : value.toFixed(3))

type Page = ReturnType<typeof useLoaderData<typeof loader>>

function MatchingInForce({ matching }: { matching: Page['matching'] }) {
  if (matching.source === 'fitted')
    return (
      <p>
        Fitted weights, version {matching.version}, learned from {matching.hires?.toLocaleString('en')} hires on{' '}
        {formatDateTime(matching.fittedAt!)}.
        {matching.validation
          ? ` On the newest fifth of hires, held out, the hired freelancer was in the top 10 of the pool ${percent(matching.validation.fitted)} of the time, against ${percent(matching.validation.defaults)} for the published defaults (${matching.validation.projects.toLocaleString('en')} projects).`
          : null}
      </p>
    )
  return (
    <p>
      The published default weights.{' '}
      {matching.rejected
        ? `Version ${matching.rejected.version} (${matching.rejected.outcomes.toLocaleString('en')} hires) did not beat them on held-out hires, so it is not used.`
        : `A fit needs at least ${matching.minHires} hires; none is stored yet.`}
    </p>
  )
}

const points = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 1 })

/**
 * The weights in points: each is the most a factor adds to a match score out of 100. A fitted set may
 * add up to a little more or less than 100 (each weight is rounded); the score divides by the total.
 */
function WeightsTable({ weights }: { weights: Page['matching']['weights'] }) {
  const published = weights.reduce((sum, weight) => sum + weight.published, 0)
  const inForce = Math.round(10 * weights.reduce((sum, weight) => sum + weight.inForce, 0)) / 10
  return (
    <>
      <p>
        A match is a score out of 100. Each weight below is the most points its factor can give: a freelancer gets the
        weight times how well they meet that factor, from 0 (not at all) to 1 (fully). The published weights add up to{' '}
        {points(published)}
        {inForce === published
          ? ', as do the ones in force.'
          : `; the ones in force add up to ${points(inForce)}, so a freelancer’s points are scaled by 100 ÷ ${points(inForce)} to give the score.`}
      </p>
      <DataTable
        caption="Matching weights, in points out of 100"
        captionShown
        columns={['Factor', numeric('Published'), numeric('In force')]}
        foot={
          <tr>
            <th scope="row">All factors</th>
            <td className="numeric">{points(published)}</td>
            <td className="numeric">{points(inForce)}</td>
          </tr>
        }
      >
        {weights.map((weight) => (
          <tr key={weight.label}>
            <td>{weight.label}</td>
            <td className="numeric">{points(weight.published)}</td>
            <td className="numeric">{points(weight.inForce)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

export default function AdminAi() {
  const { matching, success, churn, nextRefitAt, history, fraudWindowDays, fraud } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="AI monitoring">
        <p className="muted">
          Which version of each model is in force, how good it was on data it did not learn from, and how the fraud
          detectors&apos; alerts were decided. Every model here is fitted on this platform&apos;s own data; how each
          works is on <Link to="/help/matching">How matching works</Link>.
        </p>
      </PageHeader>

      <section className="card stack" aria-labelledby="ai-matching">
        <h2 id="ai-matching">Matching</h2>
        <MatchingInForce matching={matching} />
        <WeightsTable weights={matching.weights} />
      </section>

      <section className="card stack" aria-labelledby="ai-success">
        <h2 id="ai-success">Success prediction</h2>
        {success.inForce ? (
          <p>
            Logistic regression, version {success.inForce.version}, fitted on{' '}
            {success.inForce.contracts.toLocaleString('en')} ended contracts on{' '}
            {formatDateTime(success.inForce.fittedAt)}: AUC {auc(success.inForce.heldOutAuc)} on the{' '}
            {success.inForce.heldOut.toLocaleString('en')} newest contracts, held out. Clients see it on proposals.
          </p>
        ) : (
          <p>
            Not in force: a fit needs at least {success.minContracts} ended contracts with a known outcome. Clients see
            no estimate on proposals until then.
          </p>
        )}
      </section>

      <section className="card stack" aria-labelledby="ai-churn">
        <h2 id="ai-churn">Churn risk</h2>
        <p>
          {churn.kind === 'model'
            ? `Logistic regression, AUC ${auc(churn.auc)} on ${churn.heldOut.accounts.toLocaleString('en')} held-out accounts (the warning-sign rules alone: ${auc(churn.ruleAuc)}).`
            : `Warning-sign rules (too few accounts to fit a model); their AUC on ${churn.heldOut.accounts.toLocaleString('en')} held-out accounts: ${auc(churn.ruleAuc)}.`}{' '}
          Scored {formatDateTime(churn.scoredAt)}: {churn.bands.high} high, {churn.bands.medium} medium,{' '}
          {churn.bands.low} low risk. <Link to="/admin/churn">See the accounts</Link>
        </p>
      </section>

      <section className="card stack" aria-labelledby="ai-fraud">
        <h2 id="ai-fraud">Fraud detectors, last {fraudWindowDays} days</h2>
        <p className="muted">
          A detector whose decided alerts are mostly false positives needs its thresholds looked at. Open alerts are not
          counted in the share until an admin decides them on the <Link to="/admin/fraud">fraud desk</Link>.
        </p>
        <DataTable
          caption={`Alerts raised in the last ${fraudWindowDays} days, by detector`}
          columns={['Detector', numeric('Raised'), numeric('Open'), numeric('Confirmed'), numeric('False positive')]}
          stackOnPhone
        >
          {fraud.map((row) => (
            <tr key={row.type}>
              <td>{FRAUD_ALERT_TYPE_LABELS[row.type]}</td>
              <td className="numeric">{row.raised}</td>
              <td className="numeric">{row.open}</td>
              <td className="numeric">{row.confirmed}</td>
              <td className="numeric">
                {row.falsePositive}
                {row.falsePositiveShare === null ? null : ` (${percent(row.falsePositiveShare)} of decided)`}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="stack" aria-labelledby="ai-history">
        <h2 id="ai-history">Stored versions</h2>
        <p className="muted">
          The models are refitted when the newest fit is a week old (checked hourly)
          {nextRefitAt ? `; the next is due ${formatDateTime(nextRefitAt)}` : ''}. <code>npm run ai:train</code> fits
          now and <code>npm run ai:eval</code> measures each model on held-out data.
        </p>
        <DataTable
          caption="Every stored model version, newest first"
          columns={['Model', numeric('Version'), 'Fitted', numeric('Learned from'), 'Held-out result']}
          card
          stackOnPhone
          empty={history.length === 0 ? 'No model has been fitted yet: the published defaults are in force.' : null}
        >
          {history.map((model) => (
            <tr key={model.id}>
              <td>{MODEL_NAMES[model.kind]}</td>
              <td className="numeric">{model.version}</td>
              <td>{formatDateTime(model.fittedAt)}</td>
              <td className="numeric">
                {model.outcomes.toLocaleString('en')} {model.kind === 'matching' ? 'hires' : 'contracts'}
              </td>
              <td>{model.headline}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  )
}
