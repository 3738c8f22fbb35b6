import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { RadioGroup, SelectField } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { DisplayCurrencyConstraint } from '~/components/ui/form-constraints/display-currency'
import { requireRole, requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { json } from '~/http/json.server'
import { redirectWithToast } from '~/http/toast.server'
import { DisplayCurrencySchema } from '~/services/accounts/display-currency-schemas'
import { saveDisplayCurrency } from '~/services/accounts/display-currency.server'
import { displayCurrencyOptions } from '~/services/payments/rates/approximate-amounts'
import { useRootData } from '~/root'

const THEME_OPTIONS = [
  { value: 'system', label: 'System', description: 'Follow your device’s light or dark setting.' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export const meta: MetaFunction = () => [{ title: 'Appearance · Settings · MegiLance' }]

/** Clients and freelancers also choose the currency their own money pages show approximate amounts in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request)
  const member = session.user.role !== 'admin'
  return json({
    displayCurrency: member ? (session.displayCurrency ?? 'none') : null,
    currencyOptions: member ? displayCurrencyOptions() : [],
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const submission = parseWithZod(await readFormData(request), { schema: DisplayCurrencySchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { message } = await saveDisplayCurrency(user.id, submission.value)
  return redirectWithToast('/settings/appearance', { kind: 'success', message })
}

/** The theme posts to the shared /theme action (a cookie); the display currency to this page's action. */
export default function AppearanceSettings() {
  const theme = useRootData()?.theme ?? 'system'
  const { displayCurrency, currencyOptions } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>Appearance</h2>
      <ThemeForm key={theme} theme={theme} />
      {displayCurrency ? (
        <DisplayCurrencyForm key={displayCurrency} saved={displayCurrency} options={currencyOptions} />
      ) : null}
    </>
  )
}

function ThemeForm({ theme }: { theme: string }) {
  const [form, fields] = useForm({ id: 'appearance', defaultValue: { theme } })
  return (
    <Form method="post" action="/theme" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="redirectTo" value="/settings/appearance" />
      <RadioGroup legend="Colour theme" meta={fields.theme} options={THEME_OPTIONS} />
      <SubmitButton>Save theme</SubmitButton>
    </Form>
  )
}

function DisplayCurrencyForm({ saved, options }: { saved: string; options: { value: string; label: string }[] }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(DisplayCurrencyConstraint, {
    id: 'display-currency',
    lastResult,
    defaultValue: { displayCurrency: saved },
  })
  return (
    <section className="settings-section" aria-labelledby="display-currency-heading">
      <h3 id="display-currency-heading">Approximate amounts</h3>
      <p className="muted">
        Beside each amount on your wallet, payments, payouts, dashboard and contracts, show about how much it is in
        another currency, e.g. “≈ €1,234.56”, at the day’s exchange rate. Your money stays in the currency it is held
        in, and CSV exports stay exact.{' '}
        <Link to="/help/fees#approximate-amounts-in-your-currency">How approximate amounts work</Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert form={form} labels={{ displayCurrency: 'Show approximate amounts in' }} />
        <SelectField label="Show approximate amounts in" meta={fields.displayCurrency} options={options} />
        <SubmitButton>Save currency</SubmitButton>
      </Form>
    </section>
  )
}
