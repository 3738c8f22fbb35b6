import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { HelpArticle } from '~/components/help/help-article'
import { findHelpTopic, HELP_TOPICS, withFee } from '~/services/help/topics'
import { platformFeePercent } from '~/services/payments/ledger/escrow.server'
import { HelpPage } from '~/components/help/help-page'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.topic.title ?? 'Help'} · Help centre · MegiLance` },
  ...(data ? [{ name: 'description', content: data.topic.summary }] : []),
]

export async function loader({ params }: LoaderFunctionArgs) {
  const topic = findHelpTopic(params.topic ?? '')
  if (!topic) throw new Response('There is no help topic at this address.', { status: 404 })
  return json({
    topic: withFee(topic, platformFeePercent()),
    others: HELP_TOPICS.filter((other) => other.slug !== topic.slug).map(({ slug, title }) => ({ slug, title })),
  })
}

export default function HelpTopicPage() {
  const { topic, others } = useLoaderData<typeof loader>()
  return (
    <HelpPage title={topic.title} titleId="help-topic-title" lead={topic.summary}>
      <HelpArticle topic={topic} />
      <nav aria-label="More help" className="card">
        <h2>More help</h2>
        <ul className="link-list">
          {[...others, { slug: 'contact', title: 'Contact us' }].map((other) => (
            <li key={other.slug}>
              <Link to={`/help/${other.slug}`}>{other.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </HelpPage>
  )
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <GeneralErrorBoundary />
      <p>
        <Link to="/help">Browse the help centre</Link>
      </p>
    </main>
  )
}
