import { statusOf } from '~/http/outcome-response.server'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { SaveSearchForm } from '~/components/search/save-search-form'
import { findSavedSearchOf, listSavedSearchesOf } from '~/models/saved-searches.server'
import { describeSearch, parseSearchParams, suggestSearchName } from '~/domain/project-search-params'
import { SaveSearchSchema } from '~/services/marketplace/saved-search-schemas'
import {
  MAX_SAVED_SEARCHES,
  deleteSavedSearch,
  saveSearch,
  setSavedSearchAlerts,
} from '~/services/marketplace/saved-searches.server'
import { requireRole } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Saved searches · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const searches = await listSavedSearchesOf(user.id)
  return json({
    max: MAX_SAVED_SEARCHES,
    searches: searches.map((search) => ({
      id: search.id,
      name: search.name,
      query: search.query,
      notify: search.notify,
      checkedAt: search.checkedAt.toISOString(),
      description: describeSearch(parseSearchParams(new URLSearchParams(search.query)).params),
    })),
  })
}

const IntentSchema = /* @__PURE__ */ bareIntents('create', 'delete', 'alerts-on', 'alerts-off')

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'freelancer')
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)

  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: SaveSearchSchema })
    if (submission.status !== 'success')
      return json({ query: String(formData.get('query') ?? ''), reply: submission.reply() }, { status: 400 })
    const outcome = await saveSearch(user.id, {
      name: submission.value.name ?? '',
      query: submission.value.query,
      notify: submission.value.notify ?? false,
    })
    if (!outcome.ok) {
      return json(
        {
          query: submission.value.query,
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
  if (intent === 'delete') {
    if (!(await deleteSavedSearch(user.id, search.id)).ok) throw new Response('Not found', { status: 404 })
    return redirectWithToast('/saved-searches', { kind: 'success', message: `Deleted “${search.name}”.` })
  }
  const on = intent === 'alerts-on'
  if (!(await setSavedSearchAlerts(user.id, search.id, on)).ok) throw new Response('Not found', { status: 404 })
  return redirectWithToast('/saved-searches', {
    kind: 'success',
    message: on
      ? `Alerts on for “${search.name}”: new matching projects will be announced.`
      : `Alerts off for “${search.name}”.`,
  })
}

export default function SavedSearches() {
  const { searches, max } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <PageHeader title="Saved searches">
        <p className="muted">
          Run a search again in one click. With alerts on you hear about new matching projects. Up to {max} searches.
        </p>
      </PageHeader>

      {actionData ? (
        <section className="card" aria-label="Save the search">
          <SaveSearchForm
            query={actionData.query}
            suggestedName={suggestSearchName(parseSearchParams(new URLSearchParams(actionData.query)).params)}
            lastResult={actionData.reply}
          />
        </section>
      ) : null}

      {searches.length ? (
        <DataTable caption="Your saved searches" columns={['Name', 'Looks for', 'Alerts', 'Actions']} stackOnPhone>
          {searches.map((search) => (
            <tr key={search.id}>
              <th scope="row">{search.name}</th>
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
                  <Link
                    className="button button--secondary"
                    to={`/projects?${search.query}`}
                    aria-label={`Run ${search.name}`}
                  >
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
            No saved searches yet. <Link to="/projects">Find work</Link>, then use “Save this search” under the results.
          </p>
        </div>
      )}
    </>
  )
}
