import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData } from '@remix-run/react'
import { PriceSuggestionPanel } from '~/components/projects/price-suggestion-panel'
import { ProjectForm } from '~/components/projects/project-form'
import { SkillSuggestionsPanel } from '~/components/projects/skill-suggestions-panel'
import { skillHelpForForm, withSkillAdded } from '~/services/ai/skill-form-help.server'
import { PriceQuerySchema } from '~/services/marketplace/price-suggestion'
import { suggestPriceForForm } from '~/services/marketplace/price-suggestion.server'
import {
  NewProjectIntentSchema,
  NoFieldsSchema,
  ProjectSchema,
  toProjectInput,
} from '~/services/marketplace/project-schemas'
import { postProject } from '~/services/marketplace/projects.server'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { parseIntent } from '~/http/intent.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'
import { PageHeader } from '~/components/ui/page-header'
import { checkProjectText, projectTexts } from '~/services/quality/check.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Post a project · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'client')
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const sent = await readFormData(request)
  const { intent } = parseIntent(sent, NewProjectIntentSchema)
  const formData = withSkillAdded(sent)
  if (intent === 'skills' || sent.has('addSkill')) {
    // Nothing is checked or posted: the form comes back as typed (plus the added skill) with suggestions.
    const reply = parseWithZod(formData, { schema: NoFieldsSchema }).reply()
    return json({ result: reply, suggestion: null, skillHelp: skillHelpForForm(formData), check: null })
  }
  if (intent === 'check') {
    const reply = parseWithZod(formData, { schema: NoFieldsSchema }).reply()
    return json({ result: reply, suggestion: null, skillHelp: null, check: checkProjectText(projectTexts(formData)) })
  }
  // "Suggest a budget" re-renders the form with what was typed and the price data; nothing is posted.
  const query = parseWithZod(formData, { schema: PriceQuerySchema })
  const suggestion = query.status === 'success' ? await suggestPriceForForm(query.value, user.id) : null
  if (intent === 'suggest') return json({ result: query.reply(), suggestion, skillHelp: null, check: null })
  const submission = parseWithZod(formData, { schema: ProjectSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), suggestion, skillHelp: null, check: null }, { status: 400 })
  }
  let projectId: string
  try {
    projectId = await postProject(user, toProjectInput(submission.value))
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => ({
      result: submission.reply({ formErrors }),
      suggestion,
      skillHelp: null,
      check: null,
    }))
  }
  return redirectWithToast(`/projects/${projectId}`, { kind: 'success', message: 'Your project is posted.' })
}

export default function NewProject() {
  const data = useActionData<typeof action>()
  return (
    <>
      <PageHeader back={{ to: '/client/projects', label: 'Your projects' }} title="Post a project">
        <p className="muted">
          Freelancers see everything below. Posting is free; the fee table applies only when you pay.
        </p>
      </PageHeader>
      <section className="card">
        <ProjectForm
          id="post-project"
          answer={data}
          submitLabel="Post project"
          pricePanel={<PriceSuggestionPanel suggestion={data?.suggestion ?? null} askButton />}
          skillsPanel={<SkillSuggestionsPanel help={data?.skillHelp ?? null} />}
        />
      </section>
    </>
  )
}
