import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AdminProfileForm, ClientProfileForm, FreelancerProfileForm } from '~/components/settings/profile-forms'
import {
  loadProfileForm,
  saveAdminProfile,
  saveClientProfile,
  saveFreelancerProfile,
} from '~/services/accounts/profile.server'
import { timeZoneNames } from '~/services/accounts/profile-fields'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { AdminProfileSchema, ClientProfileSchema, FreelancerProfileSchema } from '~/services/accounts/profile-schemas'
import { requireUser } from '~/http/auth.server'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { parseIntent } from '~/http/intent.server'
import { CheckOnlySchema, CheckOrSaveIntentSchema } from '~/services/quality/check-schemas'
import { CheckPanel } from '~/components/quality/check-panel'
import { RatePositionPanel } from '~/components/quality/rate-position-panel'
import { checkProfileText, profileTexts } from '~/services/quality/check.server'
import { ratePositionOf } from '~/services/quality/rate-position.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const defaultValue = await loadProfileForm(user)
  return json({
    role: user.role,
    userId: user.id,
    defaultValue,
    timeZones: user.role === 'freelancer' ? timeZoneNames() : [],
    skillNames: user.role === 'freelancer' ? SKILLS : [],
    savedSkills: defaultValue.skills ? defaultValue.skills.split(', ') : [],
    ratePosition: user.role === 'freelancer' ? await ratePositionOf(user.id) : null,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  if (parseIntent(formData, CheckOrSaveIntentSchema).intent === 'check') {
    if (user.role !== 'freelancer') throw new Response('Unknown action', { status: 400 })
    const reply = parseWithZod(formData, { schema: CheckOnlySchema }).reply()
    return json({ result: reply, check: checkProfileText(profileTexts(formData)) })
  }
  const saved = async () => {
    if (user.role === 'freelancer') {
      const submission = parseWithZod(formData, { schema: FreelancerProfileSchema })
      return {
        submission,
        result: submission.status === 'success' ? await saveFreelancerProfile(user, submission.value) : null,
      }
    }
    if (user.role === 'client') {
      const submission = parseWithZod(formData, { schema: ClientProfileSchema })
      return {
        submission,
        result: submission.status === 'success' ? await saveClientProfile(user, submission.value) : null,
      }
    }
    const submission = parseWithZod(formData, { schema: AdminProfileSchema })
    return {
      submission,
      result: submission.status === 'success' ? await saveAdminProfile(user, submission.value) : null,
    }
  }
  const { submission, result } = await saved()
  if (!result) return json({ result: submission.reply(), check: null }, { status: 400 })
  if (!result.ok)
    return json({ result: submission.reply({ fieldErrors: result.fieldErrors }), check: null }, { status: 400 })
  return redirectWithToast('/settings', { kind: 'success', message: 'Your profile is saved.' })
}

export default function ProfileSettings() {
  const { role, userId, defaultValue, timeZones, skillNames, savedSkills, ratePosition } =
    useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const lastResult = data?.result
  const publicUrl = role === 'freelancer' ? `/freelancers/${userId}` : role === 'client' ? `/clients/${userId}` : null
  return (
    <>
      <h2>Profile</h2>
      {publicUrl ? (
        <p className="muted">
          <Link to={publicUrl}>See your public profile</Link>
          {role === 'freelancer' ? (
            <>
              {' · '}
              <Link to="/settings/portfolio">Edit your portfolio</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {role === 'freelancer' ? (
        <FreelancerProfileForm
          key={JSON.stringify(defaultValue)}
          lastResult={lastResult}
          defaultValue={defaultValue}
          timeZones={timeZones}
          skillNames={skillNames}
          savedSkills={savedSkills}
          ratePanel={ratePosition ? <RatePositionPanel position={ratePosition} /> : null}
          checkPanel={<CheckPanel report={data?.check ?? null} what="your headline and “About you”" />}
        />
      ) : role === 'client' ? (
        <ClientProfileForm key={JSON.stringify(defaultValue)} lastResult={lastResult} defaultValue={defaultValue} />
      ) : (
        <AdminProfileForm lastResult={lastResult} defaultValue={defaultValue} />
      )}
    </>
  )
}
