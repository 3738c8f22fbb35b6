import { CardSection } from '~/components/ui/card-section'
import { DataTable } from '~/components/ui/data-table'

const LINK_WORDS: Record<string, string> = {
  device: 'browser (device cookie)',
  payout_destination: 'payout destination',
  card: 'card',
  ip: 'IP address at the same times',
}

type Account = { id: string; name: string; email: string }

/** The linked-accounts group: which pairs of accounts share what. */
export function LinkedGroupTable({
  links,
  accounts,
}: {
  links: { a: string; b: string; kinds: string[] }[]
  accounts: Account[]
}) {
  const nameOf = (id: string) => {
    const account = accounts.find((a) => a.id === id)
    return account ? `${account.name} (${account.email})` : 'an account outside this alert'
  }
  return (
    <CardSection id="links-heading" title="What links the accounts">
      <DataTable caption="Pairs of linked accounts and what they share" columns={['Account', 'Account', 'They share']}>
        {links.map((link) => (
          <tr key={`${link.a}|${link.b}`}>
            <td>{nameOf(link.a)}</td>
            <td>{nameOf(link.b)}</td>
            <td>{link.kinds.map((kind) => LINK_WORDS[kind] ?? kind).join(', ')}</td>
          </tr>
        ))}
      </DataTable>
    </CardSection>
  )
}
