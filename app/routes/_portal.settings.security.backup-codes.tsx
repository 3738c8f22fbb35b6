import { parseIntent } from '~/http/intent.server'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { backupCodesFileText, backupCodesOf, generateBackupCodes } from '~/services/security/backup-codes.server'
import { originOf } from '~/services/security/context'
import { requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { requireEnrolmentCheck } from '~/http/step-up.server'
import { BackupCodesIntentSchema } from '~/services/security/factor-schemas'
import { SecuritySubpageHeading } from '~/components/security/security-subpage-heading'

export const meta: MetaFunction = () => [{ title: 'Backup codes · Security · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  return json(await backupCodesOf(user.id))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  const formData = await readFormData(request)
  parseIntent(formData, BackupCodesIntentSchema)
  // A first set adds a factor, a new set replaces codes someone may rely on: both need a factor the
  // account already had (or, when it has none, the password).
  await requireEnrolmentCheck(request, session)
  const replaced = (await backupCodesOf(session.user.id)).total > 0
  const now = new Date()
  const codes = await generateBackupCodes(session.user.id, originOf(request, context.clientIp), now)
  // Shown once, in this response only: no redirect, and never cached.
  const file = backupCodesFileText(codes, session.user.email, now)
  return json(
    { codes, replaced, download: `data:text/plain;charset=utf-8,${encodeURIComponent(file)}` },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export default function BackupCodesSettings() {
  const { total, unused } = useLoaderData<typeof loader>()
  const fresh = useActionData<typeof action>()
  return (
    <>
      <SecuritySubpageHeading title="Backup codes" />
      <p>If you lose your phone or security key, a backup code lets you sign in instead. Each code works once.</p>
      {fresh ? (
        <section aria-labelledby="new-codes-heading" className="form-stack">
          <h3 id="new-codes-heading">Your new backup codes</h3>
          <p>
            These codes are shown only this once. Download or print them now and keep them somewhere safe, such as a
            password manager.{fresh.replaced ? ' Your earlier codes no longer work.' : ''}
          </p>
          <ol aria-label="Backup codes" className="checklist">
            {fresh.codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <p>
            <a href={fresh.download} download="megilance-backup-codes.txt" className="button button--primary">
              Download as .txt
            </a>
          </p>
        </section>
      ) : total > 0 ? (
        <p>
          You have <strong>{unused}</strong> unused backup code{unused === 1 ? '' : 's'} of {total}.
          {unused <= 3 ? ' You are running low: make a new set.' : ''}
        </p>
      ) : (
        <p>You have no backup codes yet.</p>
      )}
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value="generate"
          className={fresh ? 'button button--secondary' : 'button button--primary'}
        >
          Generate new codes
        </button>
      </Form>
      {total > 0 ? <p className="muted">Making new codes voids all your earlier ones.</p> : null}
    </>
  )
}
