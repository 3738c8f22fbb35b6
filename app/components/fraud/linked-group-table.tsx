import { CardSection } from '~/components/ui/card-section'

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
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Pairs of linked accounts and what they share</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Account</th>
              <th scope="col">They share</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={`${link.a}|${link.b}`}>
                <td>{nameOf(link.a)}</td>
                <td>{nameOf(link.b)}</td>
                <td>{link.kinds.map((kind) => LINK_WORDS[kind] ?? kind).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </CardSection>
  )
}
