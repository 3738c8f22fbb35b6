import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SaveSearchForm } from '~/components/search/save-search-form'
import { TalentFilters } from '~/components/search/talent-filters'
import { TalentResult } from '~/components/search/talent-result'
import { NoResults } from '~/components/search/no-results'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { SubmitButton } from '~/components/ui/submit-button'
import { InlineList } from '~/components/ui/inline-list'
import {
  TALENT_PAGE_SIZE as PAGE_SIZE,
  TALENT_SORT_LABELS,
  describeTalentSearch,
  isEmptyTalentSearch,
  suggestTalentSearchName,
  talentQueryString,
  type TalentParams,
} from '~/domain/talent-search-params'
import { getOptionalSession } from '~/http/auth.server'
import { TALENT_SORT_EXPLANATIONS, findTalent, readTalentSearch } from '~/services/marketplace/talent-search.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'

export const meta: MetaFunction = () => [
  { title: 'Find talent · MegiLance' },
  { name: 'description', content: 'Freelancers on MegiLance: search by skills, hourly rate, availability and rating.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  // Anyone may search; a visitor does not see profiles kept to members, and only a client can save.
  const user = (await getOptionalSession(request))?.user
  const { params, problems } = readTalentSearch(new URL(request.url).searchParams)
  const found = await findTalent(params, { visitor: !user })
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE))
  return json({
    params,
    problems,
    query: talentQueryString(params),
    canSave: user?.role === 'client' && !isEmptyTalentSearch(params),
    signedIn: Boolean(user),
    description: describeTalentSearch(params),
    total: found.total,
    queryError: found.queryError,
    rows: found.rows,
    page: Math.min(params.page, pages),
    wordSkills: found.wordSkills,
    nearSkills: found.nearSkills,
    sortExplanation: TALENT_SORT_EXPLANATIONS[params.sort],
    skillNames: SKILLS,
  })
}

/** The same search with some values changed (for "what to change" links). */
function changed(params: TalentParams, change: Partial<TalentParams>): string {
  const query = talentQueryString({ ...params, ...change })
  return query ? `/freelancers?${query}` : '/freelancers'
}

export default function FindTalent() {
  const data = useLoaderData<typeof loader>()
  const { params, query, total, rows, page } = data
  const skillLinks = [
    { label: 'Search by skill instead:', skills: data.wordSkills, change: { q: '' } },
    { label: 'Related skills:', skills: data.nearSkills, change: {} },
  ].filter((line) => line.skills.length)
  const removals = [
    ...(params.q ? [{ label: `Search for everyone, not “${params.q}”`, href: changed(params, { q: '' }) }] : []),
    ...params.skills.map((skill) => ({
      label: `Remove the skill ${skill}`,
      href: changed(params, { skills: params.skills.filter((s) => s !== skill) }),
    })),
    ...(params.min || params.max ? [{ label: 'Any hourly rate', href: changed(params, { min: '', max: '' }) }] : []),
    ...(params.available ? [{ label: 'Any availability', href: changed(params, { available: '' }) }] : []),
    ...(params.rating ? [{ label: 'Any rating', href: changed(params, { rating: '' }) }] : []),
  ]

  return (
    <>
      <PageHeader title="Find talent">
        <p className="muted" aria-live="polite">
          {total.toLocaleString('en')} {total === 1 ? 'freelancer' : 'freelancers'} · {data.description}
        </p>
        <p className="muted">
          Listed: freelancers with a headline, an hourly rate and at least one skill on their profile.
        </p>
        {data.canSave ? (
          <p className="save-search__shortcut">
            <a href="#save-search">Save this search</a> and hear about new freelancers who match.
          </p>
        ) : null}
      </PageHeader>

      <div className="search-layout">
        <Form
          method="get"
          action="/freelancers"
          className="search-form"
          role="search"
          aria-label="Find freelancers"
          key={query}
        >
          <div className="search-form__keywords field">
            <label htmlFor="talent-q">Keywords</label>
            <div className="search-form__row">
              <input
                id="talent-q"
                name="q"
                type="search"
                defaultValue={params.q}
                maxLength={200}
                placeholder="e.g. logo designer"
              />
              <SubmitButton>Search</SubmitButton>
            </div>
          </div>

          <div className="field search-form__sort">
            <label htmlFor="talent-sort">Sort by</label>
            <select id="talent-sort" name="sort" defaultValue={params.sort} aria-describedby="talent-sort-rule">
              {Object.entries(TALENT_SORT_LABELS).map(([sort, label]) => (
                <option key={sort} value={sort}>
                  {label}
                </option>
              ))}
            </select>
            <p className="field__hint" id="talent-sort-rule">
              {data.sortExplanation} <Link to="/rank">The rank formula</Link>
            </p>
          </div>

          <a className="skip-narrow" href="#search-results">
            Jump to the results
          </a>

          <TalentFilters params={params} skillNames={data.skillNames} />
        </Form>

        <section className="search-results" aria-label="Results" id="search-results">
          {data.problems.length || data.queryError ? (
            <div className="form-alert" role="alert">
              <ul className="field__errors">
                {data.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
                {data.queryError ? <li>Those keywords could not be searched. Try plain words.</li> : null}
              </ul>
            </div>
          ) : null}

          {skillLinks.length ? (
            <nav aria-label="Skills for your search">
              {skillLinks.map((line) => (
                <p key={line.label}>
                  {line.label}{' '}
                  <InlineList items={line.skills} separator=" · " keyOf={(skill) => skill}>
                    {(skill) => (
                      <Link to={changed(params, { ...line.change, skills: [...params.skills, skill] })}>{skill}</Link>
                    )}
                  </InlineList>
                </p>
              ))}
            </nav>
          ) : null}
          {rows.length ? (
            <>
              <ol className="search-results__list" aria-label="Matching freelancers">
                {rows.map((freelancer) => (
                  <li key={freelancer.id}>
                    <TalentResult freelancer={freelancer} />
                  </li>
                ))}
              </ol>
              <Pagination page={page} pageSize={PAGE_SIZE} total={total} search={query} />
            </>
          ) : (
            <NoResults
              what="freelancers"
              pastLastPage={
                total > 0 ? { pages: Math.ceil(total / PAGE_SIZE), firstPageHref: changed(params, {}) } : null
              }
              correction={null}
              removals={removals}
              hasKeywords={Boolean(params.q)}
            />
          )}

          {data.canSave ? (
            <SaveSearchForm
              key={query}
              query={query}
              suggestedName={suggestTalentSearchName(params)}
              what="freelancers"
            />
          ) : data.signedIn ? null : (
            <p className="muted talent-sign-in">
              <Link to={`/sign-in?${new URLSearchParams({ redirectTo: `/freelancers?${query}` })}`}>Sign in</Link> as a
              client to save this search, invite a freelancer or send a message.
            </p>
          )}
        </section>
      </div>
    </>
  )
}
