import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { SaveSearchForm } from '~/components/search/save-search-form'
import { SearchFacets } from '~/components/search/search-facets'
import { SearchForm } from '~/components/search/search-form'
import { SkillSuggestions } from '~/components/search/skill-suggestions'
import { SearchResult } from '~/components/search/search-result'
import { NoResults } from '~/components/search/no-results'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { pageShown } from '~/domain/paging'
import { searchProjects } from '~/models/project-search.server'
import {
  PROJECT_SEARCH,
  SORT_LABELS,
  describeSearch,
  isEmptySearch,
  parseSearchParams,
  searchQueryString,
  suggestSearchName,
  toSearchInput,
  type SearchSort,
} from '~/domain/project-search-params'
import { removalLinks, skillSuggestionLines } from '~/domain/search-query'
import { getOptionalSession } from '~/http/auth.server'
import { searchSkillHints } from '~/services/ai/semantic-skills.server'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import { correctedSearch, projectSearchesLessOneWord } from '~/services/marketplace/search-correction.server'

export const meta: MetaFunction = () => [
  { title: 'Find work · MegiLance' },
  {
    name: 'description',
    content: 'Open freelance projects on MegiLance: search by keywords, skills, budget and level.',
  },
]

const PAGE_SIZE = 20
const SHOWN_SORTS = ['relevance', 'newest', 'budget_high'] as const

/** The sorts offered: "budget: low to high" only when a link already asks for it. */
function sortsShown(current: SearchSort) {
  const sorts = current === 'budget_low' ? [...SHOWN_SORTS, current] : SHOWN_SORTS
  return sorts.map((sort) => [sort, SORT_LABELS[sort]] as const)
}

export async function loader({ request }: LoaderFunctionArgs) {
  // Anyone may search; only a signed-in freelancer can save the search.
  const user = (await getOptionalSession(request))?.user
  const { params, problems } = parseSearchParams(new URL(request.url).searchParams)
  const result = await searchProjects({
    ...toSearchInput(params),
    ...searchKeywords(params.q),
    pageSize: PAGE_SIZE,
  })
  const canSave = user?.role === 'freelancer' && !isEmptySearch(params)
  const hints = searchSkillHints(params.q, params.skills, result.total)
  const keywordsFoundNothing = Boolean(params.q) && !result.total && !result.queryError
  const correction = keywordsFoundNothing ? await correctedSearch(params) : null
  // A spelling the search corrects is the likelier fix: then the page offers that alone.
  const fewerWords = keywordsFoundNothing && !correction ? await projectSearchesLessOneWord(params) : []
  return json({
    params,
    problems,
    query: searchQueryString(params),
    canSave,
    suggestedName: canSave ? suggestSearchName(params) : '',
    description: describeSearch(params),
    total: result.total,
    queryError: result.queryError,
    facets: result.facets,
    rows: result.rows,
    page: pageShown(params.page, result.total, PAGE_SIZE),
    ...hints,
    skillLines: skillSuggestionLines(PROJECT_SEARCH, params, hints),
    removals: removalLinks(PROJECT_SEARCH, params, {
      withoutKeywords: (q) => `Search for everything, not “${q}”`,
      filters: [
        { label: 'Any budget type', filters: ['type'] },
        { label: 'Any budget', filters: ['min', 'max'] },
        { label: 'Posted any time', filters: ['posted'] },
        { label: 'Any client rating', filters: ['rating'] },
        { label: 'Any experience level', filters: ['level'] },
      ],
    }),
    firstPageHref: PROJECT_SEARCH.href(params),
    correction,
    correctionHref: correction ? PROJECT_SEARCH.href({ ...params, q: correction.q }) : '',
    fewerWords: fewerWords.map((search) => ({ ...search, href: PROJECT_SEARCH.href({ ...params, q: search.q }) })),
    now: Date.now(),
  })
}

export default function FindWork() {
  const {
    params,
    problems,
    query,
    canSave,
    suggestedName,
    description,
    total,
    queryError,
    facets,
    rows,
    page,
    now,
    skillLines,
    removals,
    firstPageHref,
    correction,
    correctionHref,
    fewerWords,
  } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Find work">
        <p className="muted" aria-live="polite">
          {total.toLocaleString('en')} open {total === 1 ? 'project' : 'projects'} · {description}
        </p>
        {/* The form is below the results; this finds it without scrolling past twenty of them. */}
        {canSave ? (
          <p className="save-search__shortcut">
            <a href="#save-search">Save this search</a> and hear about new matching projects.
          </p>
        ) : null}
      </PageHeader>

      <SearchForm
        action="/projects"
        label="Find projects"
        query={query}
        keywords={{ id: 'search-q', value: params.q, placeholder: 'e.g. react dashboard' }}
        sort={{ id: 'search-sort', value: params.sort, sorts: sortsShown(params.sort) }}
        filters={<SearchFacets params={params} facets={facets} />}
      >
        <section className="search-results" aria-label="Results" id="search-results">
          {problems.length ? (
            <div className="form-alert" role="alert">
              <ul className="field__errors">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {queryError ? (
            <p className="form-alert" role="alert">
              Those keywords could not be searched. Try plain words, e.g. “react dashboard”.
            </p>
          ) : null}

          <SkillSuggestions lines={skillLines} />
          {rows.length ? (
            <>
              <ol className="search-results__list" aria-label="Matching projects">
                {rows.map((project) => (
                  <li key={project.id}>
                    <SearchResult project={project} now={now} />
                  </li>
                ))}
              </ol>
              <Pagination page={page} pageSize={PAGE_SIZE} total={total} search={query} />
            </>
          ) : (
            <NoResults
              total={total}
              pageSize={PAGE_SIZE}
              firstPageHref={firstPageHref}
              correction={correction ? { ...correction, href: correctionHref } : null}
              fewerWords={fewerWords}
              removals={removals}
              hasKeywords={Boolean(params.q)}
            />
          )}

          {canSave ? <SaveSearchForm key={query} query={query} suggestedName={suggestedName} /> : null}
        </section>
      </SearchForm>
    </>
  )
}
