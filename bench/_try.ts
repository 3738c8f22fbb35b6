import { searchProjects, forgetSearchCaches } from '~/models/project-search.server'
const r = await searchProjects({ q: 'react dashboard', skills: ['React'], budgetType: 'fixed' })
console.log(r.total, JSON.stringify(r.facets).slice(0, 300))
console.log(r.rows[0])
for (const input of [{ q: 'react dashboard', skills: ['React'], budgetType: 'fixed' as const }, { q: 'react dashboard', clientRatingMin: 4 }, {}, { q: 'proj' }]) {
  for (const cold of [true, false]) {
    const times: number[] = []
    for (let i = 0; i < 9; i++) { if (cold) forgetSearchCaches(); const t = performance.now(); await searchProjects(input); times.push(performance.now() - t) }
    times.sort((a, b) => a - b)
    console.log(JSON.stringify(input), cold ? 'cold' : 'warm', 'median', times[4].toFixed(1), 'max', times[8].toFixed(1))
  }
}
