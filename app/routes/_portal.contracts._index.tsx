import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { listContractsOf } from '~/models/contracts.server'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [{ title: 'Contracts · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const contracts = await listContractsOf(user.id)
  return json({
    role: user.role,
    contracts: contracts.map((contract) => ({
      id: contract.id,
      title: contract.title,
      type: contract.type,
      status: contract.status,
      otherParty:
        user.id === contract.clientId
          ? { label: 'Freelancer', name: contract.freelancerName }
          : { label: 'Client', name: contract.clientName },
      createdAt: contract.createdAt,
      endedAt: contract.endedAt,
    })),
  })
}

export default function ContractsPage() {
  const { role, contracts } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Contracts">
        <p className="muted">
          Every contract you are on, active ones first. Open one to fund, submit, approve or end it.
        </p>
      </PageHeader>
      {contracts.length ? (
        <DataTable caption="Your contracts" columns={['Contract', 'With', 'Type', 'Status']} stackOnPhone>
          {contracts.map((contract) => (
            <tr key={contract.id}>
              <td>
                <Link to={`/contracts/${contract.id}`}>{contract.title}</Link>
              </td>
              <td>
                {contract.otherParty.name}
                <span className="cell-detail">{contract.otherParty.label}</span>
              </td>
              <td>{contract.type === 'fixed' ? 'Fixed price' : 'Hourly'}</td>
              <td>
                {contract.status === 'active' ? 'Active' : 'Ended'}
                <span className="cell-detail">
                  {contract.endedAt
                    ? `Ended ${formatDate(contract.endedAt)}`
                    : `Since ${formatDate(contract.createdAt)}`}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="empty">
          No contracts yet. A contract starts when a client accepts a proposal.{' '}
          {role === 'client' ? (
            <Link to="/client/projects">Review proposals on your projects</Link>
          ) : (
            <Link to="/projects">Find work</Link>
          )}
        </p>
      )}
    </>
  )
}
