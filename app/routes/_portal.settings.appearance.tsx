import { getFormProps, useForm } from '@conform-to/react'
import type { MetaFunction } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { RadioGroup } from '~/components/ui/field'
import { SubmitButton } from '~/components/ui/submit-button'
import { useRootData } from '~/root'

const THEME_OPTIONS = [
  { value: 'system', label: 'System', description: 'Follow your device’s light or dark setting.' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export const meta: MetaFunction = () => [{ title: 'Appearance · Settings · MegiLance' }]

/** Posts to the shared /theme action, which stores the choice in a cookie. */
export default function AppearanceSettings() {
  const theme = useRootData()?.theme ?? 'system'
  return (
    <>
      <h2>Appearance</h2>
      <ThemeForm key={theme} theme={theme} />
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
