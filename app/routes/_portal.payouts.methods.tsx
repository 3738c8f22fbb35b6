import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { ConfirmItIsYouFirst } from '~/components/security/confirm-first'
import { SelectField, TextareaField } from '~/components/ui/field'
import { CRYPTO_ASSET_CODES, CRYPTO_ASSETS, CRYPTO_NETWORKS, networkLabel } from '~/domain/crypto-networks'
import {
  addCryptoMethod,
  payoutMethodsOf,
  removeMethod,
  startBankOnboarding,
} from '~/services/payments/payouts/payout-methods.server'
import { PayoutMethodFormSchema } from '~/services/payments/payouts/payout-schemas'
import { payoutMethodPaths } from '~/services/payments/cards/sandbox-money.server'
import { requireRole, requireSession } from '~/http/auth.server'
import { originOf } from '~/services/security/context'
import { formatDate } from '~/utils/format'
import { pick } from '~/utils/pick'
import { readFormData } from '~/http/form-data.server'
import { requireStepUp, stepUpState } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { FormAlert } from '~/components/ui/form-alert'
import { PageHeader } from '~/components/ui/page-header'
import { RemovableList } from '~/components/ui/removable-entry'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { PayoutMethodFormConstraint } from '~/components/ui/form-constraints/payout-method-form'

export const meta: MetaFunction = () => [{ title: 'Payout methods · MegiLance' }]

const PATH = '/payouts/methods'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'freelancer')
  const session = await requireSession(request)
  const methods = await payoutMethodsOf(session.user.id)
  return json({
    methods: methods.map((method) => pick(method, ['id', 'rail', 'status', 'label', 'createdAt'])),
    paths: payoutMethodPaths(),
    ...stepUpState(session, PATH),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, 'freelancer')
  const session = await requireSession(request)
  requireStepUp(request, session, PATH)
  const user = session.user
  const submission = parseWithZod(await readFormData(request), { schema: PayoutMethodFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const form = submission.value
  if (form.intent === 'remove') {
    const removed = await removeMethod(user.id, form.methodId, originOf(request, context.clientIp))
    if (!removed.ok) throw new Response('Not found', { status: 404 })
    return redirectWithToast(PATH, { kind: 'success', message: `Removed: ${removed.label}.` })
  }
  if (form.intent === 'add-bank') {
    return redirect((await startBankOnboarding(user)).redirectTo)
  }
  const added = await addCryptoMethod(user.id, form, originOf(request, context.clientIp))
  if (!added.ok) return json(refusalReply(submission, added), { status: 400 })
  return redirectWithToast(PATH, {
    kind: 'success',
    message: `Crypto wallet added: ${form.asset} on ${networkLabel(added.method.network as never)}.`,
  })
}

const ASSET_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...CRYPTO_ASSET_CODES.map((code) => ({ value: code, label: `${code} — ${CRYPTO_ASSETS[code].name}` })),
]
const NETWORK_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...CRYPTO_NETWORKS.map((network) => ({ value: network, label: networkLabel(network) })),
]

export default function PayoutMethods() {
  const { methods, paths, confirmed, confirmHref } = useLoaderData<typeof loader>()
  const sandbox = paths.bank === 'sandbox'
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(PayoutMethodFormConstraint, { id: 'add-crypto', lastResult })
  return (
    <>
      <PageHeader back={{ to: '/payouts', label: 'Payouts' }} title="Payout methods">
        <p className="muted">Where your earnings can go: a bank account or a crypto wallet. Only you can see these.</p>
      </PageHeader>
      <CardSection id="methods-heading" title="Your methods">
        <RemovableList
          label="Your payout methods"
          items={methods}
          empty="No payout methods yet."
          entry={(method) => ({
            className: 'payout-method',
            title: (
              <>
                <strong>{method.rail === 'bank' ? 'Bank account' : 'Crypto wallet'}</strong>: {method.label}{' '}
                {method.status === 'pending' ? <span className="badge">Onboarding not finished</span> : null}
              </>
            ),
            added: formatDate(method.createdAt),
            remove: confirmed ? { name: 'methodId', value: method.id, label: `Remove ${method.label}` } : undefined,
          })}
        />
      </CardSection>
      {confirmed && paths.note ? <p className="card muted">{paths.note}</p> : null}
      {confirmed ? (
        <>
          {paths.crypto ? (
            <CardSection id="crypto-heading" title="Add a crypto wallet">
              <p className="muted">
                The address is checked with its network’s checksum, so a typo is caught before any money is sent. USDT
                and USDC go out on Ethereum (ERC-20), BNB Smart Chain (BEP-20) or Polygon; BTC on Bitcoin; ETH on
                Ethereum; BNB on BNB Smart Chain; SOL on Solana; POL on Polygon.
              </p>
              <Form method="post" {...getFormProps(form)} className="form-stack">
                <FormAlert errors={form.errors} form={form} labels={{ address: 'Wallet address' }} />
                <input type="hidden" name="intent" value="add-crypto" />
                <div className="field-row">
                  <SelectField label="Asset" meta={fields.asset} options={ASSET_OPTIONS} />
                  <SelectField label="Network" meta={fields.network} options={NETWORK_OPTIONS} />
                </div>
                <TextareaField label="Wallet address" meta={fields.address} rows={2} code />
                <SubmitButton>Add crypto wallet</SubmitButton>
              </Form>
            </CardSection>
          ) : null}
          {paths.bank ? (
            <CardSection id="bank-heading" title="Add a bank account">
              <p className="muted">
                {sandbox
                  ? 'This site is in test mode: the account you add is checked for its format, but no real bank is connected and no money leaves.'
                  : 'You will go to Stripe to give your bank details securely; MegiLance never sees the full account number.'}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="add-bank" />
                <SubmitButton>{sandbox ? 'Add bank account' : 'Connect with Stripe'}</SubmitButton>
              </Form>
            </CardSection>
          ) : null}
        </>
      ) : (
        <ConfirmItIsYouFirst href={confirmHref} className="card">
          To add or remove a payout method, first confirm it is you with your second factor (or, if you have none yet, a
          code we email you).
        </ConfirmItIsYouFirst>
      )}
    </>
  )
}
