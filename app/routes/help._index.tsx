import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { json } from '~/http/json.server'
import { useRootData } from '~/root'
import { searchHelp } from '~/services/help/search'
import { HELP_TOPICS, withFee } from '~/services/help/topics'
import { platformFeePercent } from '~/services/payments/ledger/escrow.server'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'

export const meta: MetaFunction = () => [
  { title: 'Help centre · MegiLance' },
  {
    name: 'description',
    content: 'How fees, escrow, disputes, reviews and ranking work on MegiLance, and how to reach us.',
  },
]

/** A search (`?q=`) answers with the sections that hold its words; none, with the topics alone. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  return json({ query, hits: query ? searchHelp(query, withFee(HELP_TOPICS, platformFeePercent())) : [] })
}

export default function HelpCentre() {
  const { query, hits } = useLoaderData<typeof loader>()
  const topics = withFee(HELP_TOPICS, useRootData()?.feePercent ?? 10)
  return (
    <main id="main" className="page">
      <PageHeader title="Help centre">
        <p className="muted">
          How MegiLance works, in plain words. Cannot find your answer? <Link to="/help/contact">Contact us</Link>.
        </p>
      </PageHeader>
      <Form method="get" role="search" aria-label="Help centre" className="card field" key={query}>
        <label htmlFor="help-q">Search the help centre</label>
        <div className="search-form__row">
          <input id="help-q" name="q" type="search" defaultValue={query} maxLength={100} placeholder="e.g. payout" />
          <SubmitButton>Search</SubmitButton>
        </div>
      </Form>
      {query ? (
        <section aria-labelledby="help-hits-heading" className="card">
          <h2 id="help-hits-heading">
            {hits.length
              ? `${hits.length} ${hits.length === 1 ? 'answer' : 'answers'} for “${query}”`
              : `No answer for “${query}”`}
          </h2>
          {hits.length ? (
            <ul className="link-list">
              {hits.map((hit) => (
                <li key={`${hit.slug}#${hit.anchor}`}>
                  <Link to={`/help/${hit.slug}#${hit.anchor}`}>
                    {hit.topicTitle}: {hit.heading}
                  </Link>
                  <p className="muted">{hit.snippet}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>
              Try another word, such as “fee”, “payout” or “review”, browse the topics below, or{' '}
              <Link to="/help/contact">ask our team</Link>.
            </p>
          )}
        </section>
      ) : null}
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
