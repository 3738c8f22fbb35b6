/**
 * Find work and Find talent on the demo marketplace (scripts/seed/demo-data.ts): for searches people
 * type, how many of the first five results are about what was asked, judged by what the seed wrote
 * (a project's skills and title, a freelancer's skills and headline). Prints the share and the misses.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { parseSearchParams, toSearchInput } from '~/domain/project-search-params'
import { searchProjects } from '~/models/project-search.server'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { findTalent, readTalentSearch } from '~/services/marketplace/talent-search.server'
import { resetEnvForTests } from '~/utils/env.server'
import { seedDemoData } from '../../scripts/seed/demo-data'

/** What was typed → the skills (any one) a result must list or name in its title or headline (or its trade). */
const ASKED: ReadonlyArray<[q: string, skills: string[]]> = [
  ['react developer', ['React', 'React Native']],
  ['pyhton', ['Python']],
  ['k8s', ['Kubernetes']],
  ['UI/UX designers', ['UI Design', 'UX Design', 'UX Research']],
  ['looking for a wordpress expert', ['WordPress']],
  ['data scientists', ['Data Science', 'Machine Learning', 'Data Analysis', 'Data scientist']],
  ['virtual assistant', ['Virtual Assistance', 'Virtual assistant']],
  ['C#', ['C#']],
  ['logo designer', ['Logo Design']],
  ['video editing', ['Video Editing', 'Adobe Premiere Pro', 'Final Cut Pro', 'DaVinci Resolve']],
  ['seo', ['SEO', 'Local SEO', 'SEO Writing']],
]

function about(skills: string[], text: string, wanted: string[]): boolean {
  return wanted.some((skill) => skills.includes(skill) || text.toLowerCase().includes(skill.toLowerCase()))
}

describe('search on the demo marketplace', () => {
  afterEach(() => {
    delete process.env.DEMO
    resetEnvForTests()
  })

  it('shows, for each search, first five results about what was asked', { timeout: 120_000 }, async () => {
    process.env.DEMO = 'true'
    resetEnvForTests()
    await seedDemoData()
    const off: string[] = []
    let found = 0
    for (const [q, wanted] of ASKED) {
      const { params } = parseSearchParams(new URLSearchParams({ q }))
      const projects = await searchProjects({ ...toSearchInput(params), ...searchKeywords(params.q), pageSize: 5 })
      const talent = await findTalent(readTalentSearch(new URLSearchParams({ q })).params, { visitor: false })
      const rows = [...projects.rows.map((row) => ({ kind: 'project', skills: row.skills, text: row.title }))]
      for (const row of talent.rows.slice(0, 5)) {
        // The card shows six skills; the judgement reads them all.
        const skills = (await findFreelancerProfile(row.id))?.skills.map((skill) => skill.name) ?? []
        rows.push({ kind: 'freelancer', skills, text: row.headline })
      }
      found += rows.length
      for (const row of rows) if (!about(row.skills, row.text, wanted)) off.push(`"${q}": ${row.kind} ${row.text}`)
    }
    console.log(`Demo marketplace: ${found - off.length} of ${found} first-five results about what was asked`)
    console.log(off.join('\n'))
    // The demo has a few of each trade: most searches find fewer than five of one kind.
    expect(found).toBeGreaterThanOrEqual(ASKED.length * 4)
    expect((found - off.length) / found).toBeGreaterThanOrEqual(0.9)
  })
})
