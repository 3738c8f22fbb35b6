import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { ProjectForm } from '~/components/projects/project-form'
import { ProjectSchema, toProjectInput } from '~/services/marketplace/project-schemas'
import { postProject } from '~/services/marketplace/projects.server'
import { requireRole } from '~/utils/auth.server'
import { readFormData } from '~/utils/form-data.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Post a project · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'client')
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'client')
  const submission = parseWithZod(await readFormData(request), { schema: ProjectSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const projectId = await postProject(user.id, toProjectInput(submission.value))
  return redirectWithToast(`/projects/${projectId}`, { kind: 'success', message: 'Your project is posted.' })
}

export default function NewProject() {
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/client/projects">← Your projects</Link>
        </p>
        <h1>Post a project</h1>
        <p className="muted">Freelancers see everything below. Posting is free; the fee table applies only when you pay.</p>
      </header>
      <section className="card">
        <ProjectForm id="post-project" lastResult={lastResult} submitLabel="Post project" />
      </section>
    </>
  )
}
