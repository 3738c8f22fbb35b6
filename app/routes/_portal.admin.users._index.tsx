import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/ui/pagination'
import { listUsers } from '~/models/users.server'
import { UserSearchSchema } from '~/services/admin/user-admin-schemas'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'

export const meta: MetaFunction = () => [{ title: 'Users · Admin · MegiLance' }]

const PAGE_SIZE = 25

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const filter = UserSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { rows, total } = await listUsers({
    query: filter.q,
    role: filter.role,
    status: filter.status,
    page: filter.page,
    pageSize: PAGE_SIZE,
  })
  return json({ filter, rows, total })
}

export default function AdminUsers() {
  const { filter, rows, total } = useLoaderData<typeof loader>()
  const location = useLocation()
  return (
    <>
      <header className="page-header">
        <h1>Users</h1>
        <p className="muted">
          {total.toLocaleString('en')} matching {total === 1 ? 'account' : 'accounts'}
        </p>
      </header>
      <Form method="get" className="filters card" role="search" aria-label="Find users">
        <div className="field">
          <label htmlFor="user-q">Name or email</label>
          <input id="user-q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" name="role" defaultValue={filter.role ?? ''}>
            <option value="">Any role</option>
            <option value="client">Client</option>
            <option value="freelancer">Freelancer</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-status">Status</label>
          <select id="user-status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="blocked">Blocked</option>
          </select>
        </div>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </Form>
      <DataTable
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
      <Pagination page={filter.page} pageSize={PAGE_SIZE} total={total} search={location.search} />
    </>
  )
}
