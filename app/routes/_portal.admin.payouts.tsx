import { parseWithZod } from '@conform-to/zod/v4'
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { FilterForm } from '~/components/ui/filters'
import { emptyListText } from '~/components/admin/empty-list-text'
import { PAYOUT_RAILS, PAYOUT_STATUSES, type PayoutRailKind, type PayoutStatus } from '~/domain/enums'
import { listPayoutsForAdmin } from '~/models/payouts.server'
import { PAYOUT_MACHINE } from '~/domain/payout-machine'
import { allowedAdminPayoutActions, PAYOUT_STATUS_LABELS } from '~/services/payments/payouts/payout-transitions'
import { AdminPayoutActionSchema } from '~/services/payments/payouts/payout-schemas'
import { payoutStatusLabel } from '~/services/payments/payouts/payout-views'
import { actOnPayout } from '~/services/payments/payouts/payouts.server'
import { requireRole } from '~/http/auth.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { formatDateTime, formatMoney } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { RequiredMark } from '~/components/ui/field'
import { AlertMessage } from '~/components/ui/alert-message'

export const meta: MetaFunction = () => [{ title: 'Payouts · Admin · MegiLance' }]

const PAGE_SIZE = 25
const STATUS_OPTIONS = PAYOUT_STATUSES.map((status) => [status, PAYOUT_STATUS_LABELS[status].split(' — ')[0]!] as const)
const RAIL_OPTIONS = { bank: 'Bank', crypto: 'Crypto' }
const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const query = new URL(request.url).searchParams
  const status = pick<PayoutStatus>(PAYOUT_STATUSES, query.get('status'))
  const rail = pick<PayoutRailKind>(PAYOUT_RAILS, query.get('rail'))
  // At most page 10,000, like every other list: a page number past 2^53 reached SQLite as a float (a 500).
  const page = Math.min(10_000, Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1))
  const { rows, total } = await listPayoutsForAdmin({ status, rail, page, pageSize: PAGE_SIZE })
  // A hold, release or cancel sent before confirming a second factor comes back typed (not sent) once.
  const kept = await takeKeptAdminForm(request, ({ payoutId }) => (typeof payoutId === 'string' ? payoutId : null))
  return json({
    keptReason: kept ? { payoutId: kept.formId, reason: String(kept.reply.initialValue.reason ?? '') } : null,
    filter: { status: status ?? '', rail: rail ?? '' },
    page,
    total,
    search: new URL(request.url).search,
    rows: rows.map(({ payout, freelancerName, freelancerEmail }) => ({
      id: payout.id,
      freelancerId: payout.userId,
      freelancerName,
      freelancerEmail,
      createdAt: payout.createdAt.toISOString(),
      amountMinor: payout.amountMinor,
      feeMinor: payout.feeMinor,
      currency: payout.currency,
      rail: payout.rail,
      speed: payout.speed,
      destination: payout.destination,
      status: payout.status,
      statusLabel: payoutStatusLabel(payout),
      statusReason: payout.statusReason,
      providerRef: payout.providerRef,
      actions: allowedAdminPayoutActions(payout.status),
    })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const submission = parseWithZod(formData, { schema: AdminPayoutActionSchema })
  const payoutId = String(submission.payload.payoutId ?? '')
  // Sent back with a refusal so the reason typed is still in the field, JavaScript or not.
  const reason = String(submission.payload.reason ?? '')
  if (submission.status !== 'success')
    return json(
      {
        payoutId,
        reason,
        errors: Object.values(submission.error ?? {})
          .flat()
          .filter(Boolean) as string[],
      },
      { status: 400 },
    )
  const { intent } = submission.value
  const outcome = await actOnPayout(admin, payoutId, intent, submission.value.reason)
  if (!outcome.ok && outcome.reason === 'not-found') throw new Response(outcome.message, { status: 404 })
  if (!outcome.ok) return json({ payoutId, reason, errors: [outcome.message] }, { status: 409 })
  const done = {
    held: 'held',
    sent: 'released and sent',
    cancelled: 'cancelled; the money is back in the freelancer’s wallet',
    failed: 'released, but sending failed; the money is back in the wallet',
    requested: 'updated',
  }
  return redirectWithToast(new URL(request.url).pathname + new URL(request.url).search, {
    kind: outcome.status === 'failed' ? 'error' : 'success',
    message: `The payout is ${done[outcome.status]}.`,
  })
}

export default function AdminPayouts() {
  const { filter, rows, page, total, search, keptReason } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // The reason shown filled in: the refused form's, else the one kept during the step-up.
  const typed = actionData ?? keptReason
  return (
    <>
      <PageHeader title="Payouts">
        <p className="muted">
          Hold a payout that looks wrong, release it once checked, or cancel it to return the money to the wallet. The
          freelancer sees your reason.
        </p>
      </PageHeader>
      <FilterForm
        label="Filter payouts"
        className="filters"
        submit="Filter"
        values={filter}
        fields={[
          { kind: 'select', name: 'status', label: 'Status', anyLabel: 'Any', options: STATUS_OPTIONS },
          { kind: 'select', name: 'rail', label: 'Rail', anyLabel: 'Any', options: RAIL_OPTIONS },
        ]}
      />
      <p className="muted">{total === 1 ? '1 payout' : `${total} payouts`}</p>
      {rows.length ? (
        <ul className="admin-payouts" aria-label="Payouts">
          {rows.map((row) => (
            <li key={row.id}>
              <AdminPayoutCard
                row={row}
                error={actionData?.payoutId === row.id ? actionData.errors : []}
                reason={typed?.payoutId === row.id ? typed.reason : undefined}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{emptyListText(Boolean(filter.status || filter.rail), 'payouts')}</p>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} search={search} />
    </>
  )
}

type Row = SerializeFrom<typeof loader>['rows'][number]

/** One payout: what, to whom, how, its state and the moves an admin may make with a reason. */
function AdminPayoutCard({ row, error, reason }: { row: Row; error: string[]; reason: string | undefined }) {
  const amount = formatMoney(row.amountMinor, row.currency)
  return (
    <article aria-label={`Payout ${amount} to ${row.freelancerName}`} className="card">
      <p>
        <strong>{amount}</strong> to <Link to={`/admin/users/${row.freelancerId}`}>{row.freelancerName}</Link> (
        {row.freelancerEmail}) · {row.rail === 'bank' ? 'Bank' : 'Crypto'}, {row.speed} · fee{' '}
        {formatMoney(row.feeMinor, row.currency)}
      </p>
      <p className="cell-detail">
        {row.destination} · requested {formatDateTime(row.createdAt)}
        {row.providerRef ? ` · reference ${row.providerRef}` : ''}
      </p>
      <p>
        <span className={`badge badge--payout-${row.status}`}>{row.statusLabel}</span>
        {row.statusReason ? <> · Reason: {row.statusReason}</> : null}
      </p>
      <AlertMessage message={error} />
      {row.actions.length ? (
        <Form method="post" className="form-stack">
          <input type="hidden" name="payoutId" value={row.id} />
          <div className="field">
            <label htmlFor={`reason-${row.id}`}>
              Reason for the payout of {amount} to {row.freelancerName}
              <RequiredMark required />
            </label>
            <input id={`reason-${row.id}`} name="reason" required minLength={5} maxLength={500} defaultValue={reason} />
          </div>
          <div className="action-row">
            {row.actions.map((action) => (
              <button
                key={action}
                type="submit"
                name="intent"
                value={action}
                className={action === 'release' ? 'button button--primary' : 'button button--secondary'}
              >
                {PAYOUT_MACHINE.transitions[action].label}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
    </article>
  )
}
