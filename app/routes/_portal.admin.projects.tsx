import { bareIntents, parseIntent } from '~/http/intent.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { findProject, listProjectsForAdmin } from '~/models/projects.server'
import { AdminProjectSearchSchema, HideProjectSchema } from '~/services/marketplace/project-schemas'
import { hideProject, restoreProject } from '~/services/marketplace/projects.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { originOf } from '~/services/security/context'
import { recordAdminAction } from '~/services/security/events.server'
import { formatDate } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { requireRecord } from '~/http/not-found.server'
import { redirectWithToast } from '~/http/toast.server'
import { RequiredMark } from '~/components/ui/field'
import { DataTable } from '~/components/ui/data-table'
import { readAdminQuery } from '~/http/query.server'
import { FilterForm } from '~/components/ui/filters'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Projects · Admin · MegiLance' }]

const PAGE_SIZE = 25
const STATE_OPTIONS = { visible: 'Visible', hidden: 'Hidden' }

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, AdminProjectSearchSchema)
  const { rows, total } = await listProjectsForAdmin({ ...filter, query: filter.q, pageSize: PAGE_SIZE })
  // A hide sent before confirming a second factor comes back typed (not sent) once, under its project.
  const kept = await takeKeptAdminForm(request, ({ intent, projectId }) =>
    intent === 'hide' && typeof projectId === 'string' ? projectId : null,
  )
  const keptHide = kept ? { projectId: kept.formId, reason: String(kept.reply.initialValue.reason ?? '') } : null
  return json({ filter, rows, total, keptHide })
}

const IntentSchema = /* @__PURE__ */ bareIntents('hide', 'restore')

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const { intent } = parseIntent(formData, IntentSchema)
  const projectId = String(formData.get('projectId') ?? '')
  const project = await requireRecord(projectId, findProject)
  const back = `/admin/projects${new URL(request.url).search}`
  const origin = originOf(request, context.clientIp)
  if (intent === 'hide') {
    const submission = parseWithZod(formData, { schema: HideProjectSchema })
    if (submission.status !== 'success') {
      return json(
        {
          projectId,
          reason: String(formData.get('reason') ?? ''),
          error: submission.error?.reason?.[0] ?? 'Give a reason.',
        },
        { status: 400 },
      )
    }
    if (project.hiddenAt) throw new Response('This project is already hidden. You can restore it.', { status: 409 })
    await hideProject(project, submission.value.reason)
    await recordAdminAction(
      admin,
      origin,
      `Hid the project “${project.title}” (${project.id}): ${submission.value.reason}`,
    )
    return redirectWithToast(back, {
      kind: 'success',
      message: `“${project.title}” is hidden and its client is told why.`,
    })
  }
  if (intent === 'restore') {
    if (!project.hiddenAt) throw new Response('This project is not hidden. You can hide it.', { status: 409 })
    await restoreProject(project)
    await recordAdminAction(admin, origin, `Restored the project “${project.title}” (${project.id})`)
    return redirectWithToast(back, { kind: 'success', message: `“${project.title}” is visible again.` })
  }
}

export default function AdminProjects() {
  const { filter, rows, total, keptHide } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  // The hide form shown open and filled in: the refused one, else the one kept during the step-up.
  const typed = failed ?? keptHide
  return (
    <>
      <PageHeader title="Projects">
        <p className="muted">
          {total.toLocaleString('en')} matching {total === 1 ? 'project' : 'projects'}. A hidden project is out of
          search and shown only to its client (with your reason) and to admins.
        </p>
      </PageHeader>
      <FilterForm
        label="Find projects"
        idPrefix="project"
        values={filter}
        fields={[
          { kind: 'search', name: 'q', label: 'Title' },
          {
            kind: 'select',
            name: 'state',
            label: 'Moderation',
            anyLabel: 'Visible and hidden',
            options: STATE_OPTIONS,
          },
        ]}
      />
      <DataTable
        pages={{ page: filter.page, pageSize: PAGE_SIZE, total }}
        caption="Projects"
        columns={['Project', 'Status', 'Moderation']}
        card
        stackOnPhone
        empty={rows.length === 0 ? 'No projects match these filters.' : null}
      >
        {rows.map((project) => (
          <tr key={project.id}>
            <td>
              <Link to={`/projects/${project.id}`}>{project.title}</Link>
              <span className="cell-detail">
                by <Link to={`/admin/users/${project.clientId}`}>{project.clientName}</Link> ·{' '}
                {formatDate(project.createdAt)}
                {project.visibility === 'invite_only' ? ' · invite only' : ''}
              </span>
            </td>
            <td>
              <span className={`badge badge--${project.status}`}>{project.status}</span>
            </td>
            <td>
              {project.hiddenAt ? (
                <>
                  <span className="badge badge--hidden">Hidden</span>
                  <span className="cell-detail">
                    {formatDate(project.hiddenAt)}: <q>{project.hiddenReason}</q>
                  </span>
                  <IntentButtonForm
                    intent="restore"
                    record={{ name: 'projectId', value: project.id }}
                    label={`Restore ${project.title}`}
                  >
                    Restore
                  </IntentButtonForm>
                </>
              ) : (
                <details open={typed?.projectId === project.id}>
                  <summary>Hide…</summary>
                  <Form method="post" className="form-stack">
                    <input type="hidden" name="projectId" value={project.id} />
                    <div className="field">
                      <label htmlFor={`hide-reason-${project.id}`}>
                        Reason the client will see
                        <RequiredMark required />
                      </label>
                      <textarea
                        id={`hide-reason-${project.id}`}
                        name="reason"
                        rows={2}
                        required
                        minLength={10}
                        maxLength={500}
                        defaultValue={typed?.projectId === project.id ? typed.reason : undefined}
                        aria-invalid={failed?.projectId === project.id ? true : undefined}
                        aria-describedby={failed?.projectId === project.id ? `hide-error-${project.id}` : undefined}
                      />
                      {failed?.projectId === project.id ? (
                        <ul className="field__errors" id={`hide-error-${project.id}`}>
                          <li>{failed.error}</li>
                        </ul>
                      ) : null}
                    </div>
                    <button
                      type="submit"
                      name="intent"
                      value="hide"
                      className="button button--danger"
                      aria-label={`Hide ${project.title}`}
                    >
                      Hide project
                    </button>
                  </Form>
                </details>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}
