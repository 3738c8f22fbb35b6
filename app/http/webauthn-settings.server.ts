import { parseWithZod } from '@conform-to/zod/v4'
import { refuseSignInChangeOnDemoAccount } from './demo-account.server'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { enrolmentCheckHref, requireEnrolmentCheck, requireStepUp } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import * as z from 'zod'
import { originOf } from '~/services/security/context'
import { AddCredentialSchema, RemoveCredentialSchema, RenameCredentialSchema } from '~/services/security/webauthn-kinds'
import { WEBAUTHN_KIND_TEXT } from '~/services/security/webauthn-kind-text'
import {
  listCredentialsOf,
  registerCredential,
  registrationOptionsFor,
  removeCredential,
  renameCredential,
  type WebAuthnKind,
} from '~/services/security/webauthn.server'
import { parseIntent } from './intent.server'

/*
 * The passkey and security-key settings pages are the same page for two kinds, so both routes
 * delegate here: the loader lists and prepares registration, the action adds, renames and removes.
 */

export async function loadWebAuthnSettings({ request }: LoaderFunctionArgs, kind: WebAuthnKind) {
  const session = await requireSession(request)
  const { user } = session
  // Adding one needs a check first (a factor the account already had, or the password); until
  // then the page links to it instead of starting a ceremony whose result would be refused.
  const checkHref = await enrolmentCheckHref(session, WEBAUTHN_KIND_TEXT[kind].path)
  const [credentials, registrationOptions] = await Promise.all([
    listCredentialsOf(user.id, kind),
    checkHref ? null : registrationOptionsFor(user, kind),
  ])
  return json({ kind, credentials, registrationOptions, checkHref }, { headers: { 'Cache-Control': 'no-store' } })
}

const notFound = () => new Response('That one is not on your account any more.', { status: 404 })

// What each button carries is parsed with its conform schema in the branch, so errors show beside the field.
const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add') }),
  z.object({ intent: z.literal('rename') }),
  z.object({ intent: z.literal('remove') }),
])

export async function handleWebAuthnSettings({ request, context }: ActionFunctionArgs, kind: WebAuthnKind) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  const { user } = session
  const text = WEBAUTHN_KIND_TEXT[kind]
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  const origin = originOf(request, context.clientIp)

  switch (intent) {
    case 'add': {
      const submission = parseWithZod(formData, { schema: AddCredentialSchema })
      if (submission.status !== 'success')
        return json({ intent, id: null, result: submission.reply() }, { status: 400 })
      await requireEnrolmentCheck(request, session, text.path)
      const added = await registerCredential(user, kind, submission.value, origin)
      if (!added.ok)
        return json({ intent, id: null, result: submission.reply({ formErrors: [added.message] }) }, { status: 400 })
      return redirectWithToast(text.path, {
        kind: 'success',
        message: `“${added.name}” is added. You can use it to sign in.`,
      })
    }

    case 'rename': {
      const submission = parseWithZod(formData, { schema: RenameCredentialSchema })
      const id = String(formData.get('credentialId') ?? '')
      if (submission.status !== 'success') return json({ intent, id, result: submission.reply() }, { status: 400 })
      if (!(await renameCredential(user.id, kind, submission.value.credentialId, submission.value.name)))
        throw notFound()
      return redirectWithToast(text.path, { kind: 'success', message: `Renamed to “${submission.value.name}”.` })
    }

    case 'remove': {
      const submission = parseWithZod(formData, { schema: RemoveCredentialSchema })
      if (submission.status !== 'success') throw new Response('Choose what to remove.', { status: 400 })
      // Removing a factor is sensitive: confirm a second factor first (this redirects when needed).
      requireStepUp(request, session)
      if (!(await removeCredential(user.id, kind, submission.value.credentialId, origin))) throw notFound()
      return redirectWithToast(text.path, {
        kind: 'success',
        message: `That ${text.one} is removed from your account.`,
      })
    }
  }
}
