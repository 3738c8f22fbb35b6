import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AlertActivity } from '~/components/fraud/alert-activity'
import {
  BlockForm,
  DisputeHoldForm,
  PayoutHoldForm,
  WorkflowForm,
  type AlertFormResult,
} from '~/components/fraud/alert-forms'
import { LinkedGroupTable } from '~/components/fraud/linked-group-table'
import { MemberReportsTable } from '~/components/fraud/member-reports-table'
import { CardSection } from '~/components/ui/card-section'
import {
  FRAUD_ALERT_MACHINE,
  FRAUD_ALERT_STATUS_LABELS,
  FRAUD_ALERT_TYPE_LABELS,
  fraudHistoryActionLabel,
  memberReportsOf,
} from '~/domain/fraud-alerts'
import { actionsOpenTo } from '~/domain/state-machine'
import { requireRole } from '~/http/auth.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { readFormData } from '~/http/form-data.server'
import { refusalResponse, statusOf } from '~/http/outcome-response.server'
import { redirectWithToast } from '~/http/toast.server'
import {
  findFraudAlert,
  listFraudAlertAccounts,
  listFraudAlertEvents,
  listHeldPayoutsOf,
  recentActivityOf,
} from '~/models/fraud-alerts.server'
import { listUsers } from '~/models/users.server'
import { actOnAlert, blockFromAlert, decidePayoutHold } from '~/services/fraud/desk.server'
import { listMilestonesToHold, openDisputeHoldFromAlert } from '~/services/fraud/dispute-hold.server'
import { AlertFormSchema } from '~/services/fraud/desk-schemas'
import { formatDateTime, formatMoney } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? FRAUD_ALERT_TYPE_LABELS[data.alert.type] : 'Alert'} · Fraud desk · MegiLance` },
]

async function loadAlert(alertId: string | undefined) {
  const found = alertId ? await findFraudAlert(alertId) : undefined
  if (!found) throw new Response('There is no such alert.', { status: 404 })
  return found
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { alert, subjectName, subjectEmail } = await loadAlert(params.alertId)
  const accounts = await listFraudAlertAccounts(alert.id)
  const [history, held, escrowed, activity, admins] = await Promise.all([
    listFraudAlertEvents(alert.id),
    listHeldPayoutsOf(accounts.map((a) => a.id)),
    listMilestonesToHold(alert.id),
    recentActivityOf(alert.subjectId),
    listUsers({ role: 'admin', page: 1, pageSize: 100 }),
  ])
  const links = Array.isArray(alert.evidence.data.links)
    ? (alert.evidence.data.links as { a: string; b: string; kinds: string[] }[])
    : []
  return json({
    alert: { ...alert, subjectName, subjectEmail },
    reports: memberReportsOf(alert.evidence.data),
    actions: actionsOpenTo(FRAUD_ALERT_MACHINE, alert.status, 'admin'),
    accounts,
    links,
    history,
    held,
    escrowed: escrowed.map((m) => ({
      id: m.milestoneId,
      label: `${m.contractTitle}: ${m.milestoneTitle}, ${formatMoney(m.amountMinor, m.currency)} (${m.status.replace('_', ' ')})`,
    })),
    activity,
    admins: admins.rows.map((a) => ({ id: a.id, name: a.name })),
    // A form sent before confirming a second factor comes back filled in (not sent) once.
    kept: await takeKeptAdminForm(request, (fields) => formIdOf((name) => fields[name])),
  })
}

/** Which form on the page was sent (from its fields), so its errors or kept text come back in it. */
function formIdOf(field: (name: string) => unknown): string {
  const intent = String(field('intent') ?? '')
  if (intent === 'block') return `block-${String(field('userId') ?? '')}`
  if (intent === 'payout') return `payout-${String(field('payoutId') ?? '')}`
  if (intent === 'dispute_hold') return 'dispute-hold'
  return 'workflow'
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const { alert } = await loadAlert(params.alertId)
  const formId = formIdOf((name) => formData.get(name))
  const submission = parseWithZod(formData, { schema: AlertFormSchema })
  if (submission.status !== 'success') return json({ formId, reply: submission.reply() }, { status: 400 })
  const input = submission.value
  const outcome =
    input.intent === 'workflow'
      ? await actOnAlert(admin, alert.id, input)
      : input.intent === 'block'
        ? await blockFromAlert(admin, alert.id, input)
        : input.intent === 'payout'
          ? await decidePayoutHold(admin, alert.id, input)
          : await openDisputeHoldFromAlert(admin, alert.id, input)
  if (!outcome.ok) {
    if (outcome.reason === 'not-found') throw refusalResponse(outcome)
    return json({ formId, reply: submission.reply({ formErrors: [outcome.message] }) }, { status: statusOf(outcome) })
  }
  return redirectWithToast(`/admin/fraud/${alert.id}`, { kind: 'success', message: outcome.message })
}

export default function AdminFraudAlert() {
  const { alert, actions, accounts, links, reports, history, held, escrowed, activity, admins, kept } =
    useLoaderData<typeof loader>()
  const result = (useActionData<typeof action>() as AlertFormResult) ?? kept ?? undefined
  const blockable = accounts.filter((a) => !a.blockedAt && a.role !== 'admin')
  return (
    <>
      <p>
        <Link to="/admin/fraud">← All alerts</Link>
      </p>
      <header className="page-header">
        <h1>
          {FRAUD_ALERT_TYPE_LABELS[alert.type]}: {alert.subjectName}
        </h1>
        <p className="muted">
          Score {alert.score} of 100 · <span className="capitalize">{alert.severity}</span> ·{' '}
          {FRAUD_ALERT_STATUS_LABELS[alert.status]} · raised {formatDateTime(alert.createdAt)}, last evidence{' '}
          {formatDateTime(alert.detectedAt)}
        </p>
      </header>
      <CardSection id="evidence-heading" title="Evidence">
        <ul>
          {alert.evidence.words.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </CardSection>
      <CardSection id="accounts-heading" title="Accounts involved">
        <ul>
          {accounts.map((account) => (
            <li key={account.id}>
              <Link to={`/admin/users/${account.id}`}>{account.name}</Link> ({account.email}, {account.role})
              {account.blockedAt ? <span className="badge badge--blocked">Blocked</span> : null}
            </li>
          ))}
        </ul>
        {blockable.map((account) => (
          <BlockForm key={account.id} account={account} result={result} />
        ))}
      </CardSection>
      {links.length ? <LinkedGroupTable links={links} accounts={accounts} /> : null}
      {reports.length ? <MemberReportsTable reports={reports} /> : null}
      <CardSection id="holds-heading" title="Held payouts">
        {held.length ? (
          held.map((payout) => (
            <PayoutHoldForm
              key={payout.id}
              payout={{ id: payout.id, label: formatMoney(payout.amountMinor, payout.currency) }}
              result={result}
            />
          ))
        ) : (
          <p className="empty">No payout of these accounts is on hold.</p>
        )}
      </CardSection>
      <CardSection id="escrow-heading" title="Money in escrow">
        {escrowed.length ? (
          <DisputeHoldForm milestones={escrowed} result={result} />
        ) : (
          <p className="empty">No milestone of these accounts’ active contracts is in escrow without a dispute.</p>
        )}
      </CardSection>
      <CardSection id="workflow-heading" title="Workflow">
        {actions.length ? (
          <WorkflowForm actions={actions} admins={admins} assigneeId={alert.assigneeId} result={result} />
        ) : null}
        <h3>History</h3>
        <ol className="history">
          {history.map((event) => (
            <li key={event.id}>
              {formatDateTime(event.createdAt)} · {event.actorName ?? 'Detector'} ·{' '}
              {fraudHistoryActionLabel(event.action)}
              {event.toStatus && event.fromStatus ? ` (${FRAUD_ALERT_STATUS_LABELS[event.toStatus]})` : ''}:{' '}
              {event.note}
            </li>
          ))}
        </ol>
      </CardSection>
      <AlertActivity name={alert.subjectName} activity={activity} />
    </>
  )
}
