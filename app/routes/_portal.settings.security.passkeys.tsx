import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { WebAuthnSettingsPage } from '~/components/security/webauthn-settings-page'
import { handleWebAuthnSettings, loadWebAuthnSettings } from '~/http/webauthn-settings.server'

export const meta: MetaFunction = () => [{ title: 'Passkeys · Settings · MegiLance' }]

export const loader = (args: LoaderFunctionArgs) => loadWebAuthnSettings(args, 'passkey')

export const action = (args: ActionFunctionArgs) => handleWebAuthnSettings(args, 'passkey')

export default function PasskeySettings() {
  const data = useLoaderData<typeof loader>()
  return <WebAuthnSettingsPage {...data} actionData={useActionData<typeof action>()} />
}
