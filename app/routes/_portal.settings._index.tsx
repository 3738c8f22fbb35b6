import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AdminProfileForm, ClientProfileForm, FreelancerProfileForm } from '~/components/settings/profile-forms'
import { loadProfileForm, saveAdminProfile, saveClientProfile, saveFreelancerProfile } from '~/services/accounts/profile.server'
import { AdminProfileSchema, ClientProfileSchema, FreelancerProfileSchema } from '~/services/accounts/profile-schemas'
import { requireUser } from '~/utils/auth.server'
import { redirectWithToast } from '~/utils/toast.server'
import { readFormData } from '~/utils/form-data.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({ role: user.role, defaultValue: await loadProfileForm(user) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  const saved = async () => {
    if (user.role === 'freelancer') {
      const submission = parseWithZod(formData, { schema: FreelancerProfileSchema })
      return { submission, result: submission.status === 'success' ? await saveFreelancerProfile(user, submission.value) : null }
    }
    if (user.role === 'client') {
      const submission = parseWithZod(formData, { schema: ClientProfileSchema })
      return { submission, result: submission.status === 'success' ? await saveClientProfile(user, submission.value) : null }
    }
    const submission = parseWithZod(formData, { schema: AdminProfileSchema })
    return { submission, result: submission.status === 'success' ? await saveAdminProfile(user, submission.value) : null }
  }
  const { submission, result } = await saved()
  if (!result) return json(submission.reply(), { status: 400 })
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  return redirectWithToast('/settings', { kind: 'success', message: 'Your profile is saved.' })
}

export default function ProfileSettings() {
  const { role, defaultValue } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const Form = { freelancer: FreelancerProfileForm, client: ClientProfileForm, admin: AdminProfileForm }[role]
  return (
    <>
      <h2>Profile</h2>
      <Form lastResult={lastResult} defaultValue={defaultValue} />
    </>
  )
}
