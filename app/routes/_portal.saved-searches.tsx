import { statusOf } from '~/http/outcome-response.server'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { SaveSearchForm } from '~/components/search/save-search-form'
import { RenameSavedSearchForm } from '~/components/search/rename-saved-search-form'
import { findSavedSearchOf, listSavedSearchesOf } from '~/models/saved-searches.server'
import { RenameSavedSearchSchema, SaveSearchSchema } from '~/services/marketplace/saved-search-schemas'
import {
  MAX_SAVED_SEARCHES,
  deleteSavedSearch,
  readSavedQuery,
  renameSavedSearch,
  saveSearch,
  savedSearchKindOf,
  setSavedSearchAlerts,
} from '~/services/marketplace/saved-searches.server'
import { requireRole } from '~/http/auth.server'
import type { SavedSearchKind } from '~/domain/enums'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Saved searches · MegiLance' }]

/** Freelancers keep Find work searches; clients keep talent searches. */
async function requireSearcher(request: Request) {
  const user = await requireRole(request, 'freelancer', 'client')
  return { user, kind: savedSearchKindOf(user.role) ?? 'projects' }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, kind } = await requireSearcher(request)
  const searches = await listSavedSearchesOf(user.id)
  return json({
    max: MAX_SAVED_SEARCHES,
    kind,
    searches: searches.map((search) => {
      const read = readSavedQuery(search.kind, search.query)
      return {
        id: search.id,
        name: search.name,
        notify: search.notify,
        checkedAt: search.checkedAt.toISOString(),
        description: read.description,
        href: `${read.path}?${search.query}`,
      }
    }),
  })
}

/** A refused "Save this search": the form again with the search and the name it started with. */
function refused(kind: SavedSearchKind, query: string) {
  return { query, suggestedName: readSavedQuery(kind, query).suggestedName }
}

const IntentSchema = /* @__PURE__ */ bareIntents('create', 'rename', 'delete', 'alerts-on', 'alerts-off')

export async function action({ request }: ActionFunctionArgs) {
  const { user, kind } = await requireSearcher(request)
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)

  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: SaveSearchSchema })
    if (submission.status !== 'success')
      return json({ ...refused(kind, String(formData.get('query') ?? '')), reply: submission.reply() }, { status: 400 })
    const outcome = await saveSearch(
      user.id,
      { name: submission.value.name ?? '', query: submission.value.query, notify: submission.value.notify ?? false },
      new Date(),
      kind,
    )
    if (!outcome.ok) {
      return json(
        {
          ...refused(kind, submission.value.query),
          reply: submission.reply({ fieldErrors: { [outcome.field ?? 'query']: [outcome.message] } }),
        },
        { status: statusOf(outcome) },
      )
    }
    return redirectWithToast('/saved-searches', { kind: 'success', message: `Saved “${outcome.search.name}”.` })
  }

  const id = String(formData.get('searchId') ?? '')
  const search = id ? await findSavedSearchOf(user.id, id) : undefined
  if (!search) throw new Response('Not found', { status: 404 })
  if (intent === 'rename') {
    const submission = parseWithZod(formData, { schema: RenameSavedSearchSchema })
    if (submission.status !== 'success')
      return json({ rename: { formId: `rename-${search.id}`, reply: submission.reply() } }, { status: 400 })
    if (!(await renameSavedSearch(user.id, search.id, submission.value.name)).ok)
      throw new Response('Not found', { status: 404 })
    return redirectWithToast('/saved-searches', {
      kind: 'success',
      message: `Renamed “${search.name}” to “${submission.value.name}”.`,
    })
  }
  if (intent === 'delete') {
    if (!(await deleteSavedSearch(user.id, search.id)).ok) throw new Response('Not found', { status: 404 })
    return redirectWithToast('/saved-searches', { kind: 'success', message: `Deleted “${search.name}”.` })
  }
  const on = intent === 'alerts-on'
  if (!(await setSavedSearchAlerts(user.id, search.id, on)).ok) throw new Response('Not found', { status: 404 })
  return redirectWithToast('/saved-searches', {
    kind: 'success',
    message: on
      ? `Alerts on for “${search.name}”: new matching ${search.kind} will be announced.`
      : `Alerts off for “${search.name}”.`,
  })
}

export default function SavedSearches() {
  const { searches, max, kind } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const saving = actionData && 'query' in actionData ? actionData : null
  const renaming = actionData && 'rename' in actionData ? actionData.rename : undefined
  return (
    <>
      <PageHeader title="Saved searches">
        <p className="muted">
          Run a search again in one click. With alerts on you hear about new matching{' '}
          {kind === 'freelancers' ? 'freelancers (who joined since)' : 'projects'}. Up to {max} searches.
        </p>
      </PageHeader>

      {saving ? (
        <section className="card" aria-label="Save the search">
          <SaveSearchForm
            query={saving.query}
            suggestedName={saving.suggestedName}
            lastResult={saving.reply}
            what={kind}
          />
        </section>
      ) : null}

      {searches.length ? (
        <DataTable caption="Your saved searches" columns={['Name', 'Looks for', 'Alerts', 'Actions']} stackOnPhone>
          {searches.map((search) => (
            <tr key={search.id}>
              <th scope="row">
                <RenameSavedSearchForm id={search.id} name={search.name} last={renaming} />
              </th>
              <td>{search.description}</td>
              <td>
                {search.notify ? (
                  <>
                    On <span className="cell-detail">checked {formatDateTime(search.checkedAt)}</span>
                  </>
                ) : (
                  'Off'
                )}
              </td>
              <td>
                <div className="saved-search__actions">
                  <Link className="button button--secondary" to={search.href} aria-label={`Run ${search.name}`}>
                    Run
                  </Link>
                  <IntentButtonForm
                    intent={search.notify ? 'alerts-off' : 'alerts-on'}
                    record={{ name: 'searchId', value: search.id }}
                    className="button button--ghost"
                    label={`${search.notify ? 'Turn off' : 'Turn on'} alerts for ${search.name}`}
                  >
                    {search.notify ? 'Turn off alerts' : 'Turn on alerts'}
                  </IntentButtonForm>
                  <IntentButtonForm
                    intent="delete"
                    record={{ name: 'searchId', value: search.id }}
                    className="button button--danger"
                    label={`Delete ${search.name}`}
                  >
                    Delete
                  </IntentButtonForm>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <div className="empty card">
          <p>
            No saved searches yet.{' '}
            {kind === 'freelancers' ? (
              <Link to="/freelancers">Find talent</Link>
            ) : (
              <Link to="/projects">Find work</Link>
            )}
            , then use “Save this search” under the results.
          </p>
        </div>
      )}
    </>
  )
}
