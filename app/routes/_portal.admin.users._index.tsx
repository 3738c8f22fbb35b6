import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { listUsers } from '~/models/users.server'
import { UserSearchSchema } from '~/services/admin/user-admin-schemas'
import { formatDate } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { readAdminQuery } from '~/http/query.server'
import { FilterForm } from '~/components/ui/filters'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Users · Admin · MegiLance' }]

const PAGE_SIZE = 25
const ROLE_OPTIONS = { client: 'Client', freelancer: 'Freelancer', admin: 'Admin' }
const STATUS_OPTIONS = { active: 'Active', blocked: 'Blocked' }

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, UserSearchSchema)
  const { rows, total } = await listUsers({ ...filter, query: filter.q, pageSize: PAGE_SIZE })
  return json({ filter, rows, total })
}

export default function AdminUsers() {
  const { filter, rows, total } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Users">
        <p className="muted">
          {total.toLocaleString('en')} matching {total === 1 ? 'account' : 'accounts'}
        </p>
      </PageHeader>
      <FilterForm
        label="Find users"
        idPrefix="user"
        values={filter}
        fields={[
          { kind: 'search', name: 'q', label: 'Name or email' },
          { kind: 'select', name: 'role', label: 'Role', anyLabel: 'Any role', options: ROLE_OPTIONS },
          { kind: 'select', name: 'status', label: 'Status', anyLabel: 'Any status', options: STATUS_OPTIONS },
        ]}
      />
      <DataTable
        pages={{ page: filter.page, pageSize: PAGE_SIZE, total }}
        caption="Users"
        columns={['User', 'Role', 'Status', { label: 'Joined', className: 'hide-narrow' }]}
        card
        empty={rows.length === 0 ? 'No users match these filters.' : null}
      >
        {rows.map((user) => (
          <tr key={user.id}>
            <td>
              <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
              <span className="cell-detail">{user.email}</span>
            </td>
            <td className="capitalize">{user.role}</td>
            <td>
              {user.blockedAt ? (
                <span className="badge badge--blocked">Blocked</span>
              ) : (
                <span className="badge badge--open">Active</span>
              )}
            </td>
            <td className="hide-narrow">{formatDate(user.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}
