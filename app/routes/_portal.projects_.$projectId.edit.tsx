import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ProjectForm } from '~/components/projects/project-form'
import { ProjectSchema, toProjectInput } from '~/services/marketplace/project-schemas'
import {
  assertOwnerAction,
  editProject,
  projectFormDefaults,
  requireOwnProject,
} from '~/services/marketplace/projects.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { ProjectPageHeader } from '~/components/projects/project-page-header'
import { CheckOnlySchema, CheckOrSaveIntentSchema } from '~/services/quality/check-schemas'
import { parseIntent } from '~/http/intent.server'
import { checkProjectText, projectTexts } from '~/services/quality/check.server'

export const meta: MetaFunction = () => [{ title: 'Edit project · MegiLance' }]

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const project = await requireOwnProject(params.projectId, user)
  assertOwnerAction(project, 'edit')
  return json({ project: { id: project.id, title: project.title }, defaults: await projectFormDefaults(project) })
})

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const project = await requireOwnProject(params.projectId, user)
  const formData = await readFormData(request)
  if (parseIntent(formData, CheckOrSaveIntentSchema).intent === 'check') {
    const reply = parseWithZod(formData, { schema: CheckOnlySchema }).reply()
    return json({ result: reply, check: checkProjectText(projectTexts(formData)) })
  }
  const submission = parseWithZod(formData, { schema: ProjectSchema })
  if (submission.status !== 'success') return json({ result: submission.reply(), check: null }, { status: 400 })
  await editProject(project, toProjectInput(submission.value))
  return redirectWithToast(`/projects/${project.id}`, { kind: 'success', message: 'Your changes are saved.' })
})

export default function EditProject() {
  const { project, defaults } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <>
      <ProjectPageHeader project={project} title="Edit project" />
      <section className="card">
        <ProjectForm id="edit-project" answer={data} defaultValue={defaults} submitLabel="Save changes" />
      </section>
    </>
  )
}
