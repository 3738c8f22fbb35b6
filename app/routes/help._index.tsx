import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useRootData } from '~/root'
import { HELP_TOPICS, withFee } from '~/services/help/topics'
import { PageHeader } from '~/components/ui/page-header'

export const meta: MetaFunction = () => [
  { title: 'Help centre · MegiLance' },
  {
    name: 'description',
    content: 'How fees, escrow, disputes, reviews and ranking work on MegiLance, and how to reach us.',
  },
]

export default function HelpCentre() {
  const topics = withFee(HELP_TOPICS, useRootData()?.feePercent ?? 10)
  return (
    <main id="main" className="page">
      <PageHeader title="Help centre">
        <p className="muted">
          How MegiLance works, in plain words. Cannot find your answer? <Link to="/help/contact">Contact us</Link>.
        </p>
      </PageHeader>
      <nav aria-label="Help topics">
        <ul className="help-topics">
          {topics.map((topic) => (
            <li key={topic.slug} className="card">
              <Link to={`/help/${topic.slug}`}>{topic.title}</Link>
              <p className="muted">{topic.summary}</p>
            </li>
          ))}
          <li className="card">
            <Link to="/help/contact">Contact us</Link>
            <p className="muted">Ask a question or report a problem; an admin answers by email.</p>
          </li>
        </ul>
      </nav>
    </main>
  )
}
