import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MatchBreakdown } from './match-breakdown'
import { RecommendedProjects } from './recommended-projects'

const match = {
  score: 79,
  summary: '1 of 1 skill · fixed price',
  newcomer: true,
  factors: [
    {
      key: 'timeZone',
      label: 'Time-zone overlap',
      weight: 6,
      points: 3,
      words: 'neither side has set a time zone, so half',
    },
  ],
}

describe('the newcomer badge of a match', () => {
  it('is shown to a client beside a freelancer who is new', () => {
    expect(renderToStaticMarkup(<MatchBreakdown match={match} />)).toContain('New on MegiLance')
  })

  it('is not shown to a new freelancer beside each project (it would read as if the project were new)', () => {
    const html = renderToStaticMarkup(<RecommendedProjects projects={[{ id: 'p1', title: 'Odin job', match }]} />)
    expect(html).toContain('79 / 100 match')
    expect(html).not.toContain('New on MegiLance')
    const summaryOnly = renderToStaticMarkup(
      <RecommendedProjects
        projects={[{ id: 'p1', title: 'Odin job', match: { score: 79, summary: 'x', newcomer: true } }]}
      />,
    )
    expect(summaryOnly).not.toContain('New on MegiLance')
  })
})
