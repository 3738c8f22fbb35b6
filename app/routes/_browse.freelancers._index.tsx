import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { SaveSearchForm } from '~/components/search/save-search-form'
import { SearchForm } from '~/components/search/search-form'
import { SkillSuggestions } from '~/components/search/skill-suggestions'
import { TalentFilters } from '~/components/search/talent-filters'
import { TalentResult } from '~/components/search/talent-result'
import { NoResults } from '~/components/search/no-results'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { pageShown } from '~/domain/paging'
import {
  TALENT_PAGE_SIZE as PAGE_SIZE,
  TALENT_SEARCH,
  TALENT_SORT_LABELS,
  describeTalentSearch,
  isEmptyTalentSearch,
  suggestTalentSearchName,
  talentQueryString,
} from '~/domain/talent-search-params'
import { removalLinks, skillSuggestionLines } from '~/domain/search-query'
import { getOptionalSession } from '~/http/auth.server'
import {
  TALENT_SORT_EXPLANATIONS,
  findTalent,
  readTalentSearch,
  talentSearchesLessOneWord,
} from '~/services/marketplace/talent-search.server'
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
  const keywordsFoundNothing = Boolean(params.q) && !found.total && !found.queryError
  const fewerWords = keywordsFoundNothing ? await talentSearchesLessOneWord(params, { visitor: !user }) : []
  const canSave = user?.role === 'client' && !isEmptyTalentSearch(params)
  return json({
    params,
    problems,
    query: talentQueryString(params),
    canSave,
    suggestedName: canSave ? suggestTalentSearchName(params) : '',
    signedIn: Boolean(user),
    description: describeTalentSearch(params),
    total: found.total,
    queryError: found.queryError,
    rows: found.rows,
    page: pageShown(params.page, found.total, PAGE_SIZE),
    wordSkills: found.wordSkills,
    nearSkills: found.nearSkills,
    skillLines: skillSuggestionLines(TALENT_SEARCH, params, found),
    removals: removalLinks(TALENT_SEARCH, params, {
      withoutKeywords: (q) => `Search for everyone, not “${q}”`,
      filters: [
        { label: 'Any hourly rate', filters: ['min', 'max'] },
        { label: 'Any availability', filters: ['available'] },
        { label: 'Any rating', filters: ['rating'] },
      ],
    }),
    firstPageHref: TALENT_SEARCH.href(params),
    fewerWords: fewerWords.map((search) => ({ ...search, href: TALENT_SEARCH.href({ ...params, q: search.q }) })),
    sortExplanation: TALENT_SORT_EXPLANATIONS[params.sort],
    skillNames: SKILLS,
  })
}

const SORTS = Object.entries(TALENT_SORT_LABELS)

export default function FindTalent() {
  const data = useLoaderData<typeof loader>()
  const { params, query, total, rows, page } = data

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

      <SearchForm
        action="/freelancers"
        label="Find freelancers"
        query={query}
        keywords={{ id: 'talent-q', value: params.q, placeholder: 'e.g. logo designer' }}
        sort={{
          id: 'talent-sort',
          value: params.sort,
          sorts: SORTS,
          rule: (
            <>
              {data.sortExplanation} <Link to="/rank">The rank formula</Link>
            </>
          ),
        }}
        filters={<TalentFilters params={params} skillNames={data.skillNames} />}
      >
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

          <SkillSuggestions lines={data.skillLines} />
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
              total={total}
              pageSize={PAGE_SIZE}
              firstPageHref={data.firstPageHref}
              correction={null}
              fewerWords={data.fewerWords}
              removals={data.removals}
              hasKeywords={Boolean(params.q)}
            />
          )}

          {data.canSave ? (
            <SaveSearchForm key={query} query={query} suggestedName={data.suggestedName} what="freelancers" />
          ) : data.signedIn ? null : (
            <p className="muted talent-sign-in">
              <Link to={`/sign-in?${new URLSearchParams({ redirectTo: `/freelancers?${query}` })}`}>Sign in</Link> as a
              client to save this search or invite a freelancer to one of your projects.
            </p>
          )}
        </section>
      </SearchForm>
    </>
  )
}
