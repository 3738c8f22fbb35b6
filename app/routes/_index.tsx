import { type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { useRootData } from '~/root'
import { withFee } from '~/services/help/topics'
import { getMarketplaceFigures } from '~/services/marketplace/landing.server'

export const meta: MetaFunction = () => [{ title: 'MegiLance — freelancing with fees you can see' }]

export async function loader() {
  return json(await getMarketplaceFigures(), { headers: { 'Cache-Control': 'private, max-age=0' } })
}

const PROMISES = [
  {
    title: 'One published fee table',
    body: '{fee} on released milestones, shown before you commit; standard payouts are free. No membership tiers, no surprise charges.',
  },
  {
    title: 'Escrow on every milestone',
    body: 'Clients fund before work starts; freelancers are paid the moment work is approved.',
  },
  {
    title: 'Rankings you can check',
    body: 'The ranking formula is public, and every freelancer sees their own breakdown.',
  },
  {
    title: 'Reviews without retaliation',
    body: 'Double-blind: neither side sees the other’s review until both have written one.',
  },
  { title: 'Fair disputes', body: 'Evidence from both sides and a written decision you can read.' },
  { title: 'Reasons, not silence', body: 'If an account is ever blocked, its owner sees the reason.' },
]

export default function Landing() {
  const figures = useLoaderData<typeof loader>()
  const feePercent = useRootData()?.feePercent ?? 10
  const promises = withFee(PROMISES, feePercent)
  return (
    <main id="main" className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Freelancing without the fine print</h1>
        <p className="hero__lead">
          Hire skilled freelancers or find your next project on a marketplace that shows its fees, holds money safely in
          escrow and explains how it ranks people.
        </p>
        <div className="hero__actions">
          <Link to="/sign-up?role=client" className="button button--primary button--large">
            Hire a freelancer
          </Link>
          <Link to="/sign-up?role=freelancer" className="button button--secondary button--large">
            Work as a freelancer
          </Link>
        </div>
        {/* Both buttons open the sign-up form; the header's "Find work" is the list itself, so look-first is said here. */}
        <p className="hero__browse">
          Or look around first: <Link to="/projects">open projects</Link> · <Link to="/freelancers">freelancers</Link>
        </p>
        <dl className="hero__figures">
          <div>
            <dt>Freelancers</dt>
            <dd>{figures.freelancers.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Open projects</dt>
            <dd>{figures.openProjects.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Platform fee</dt>
            <dd>{feePercent}%</dd>
          </div>
        </dl>
      </section>
      <section className="promises" aria-labelledby="promises-title">
        <h2 id="promises-title">What we do differently</h2>
        <ul className="promise-grid">
          {promises.map((promise) => (
            <li key={promise.title} className="card">
              <h3>{promise.title}</h3>
              <p>{promise.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
