import { getDb } from '~/models/db.server'
import { listFreelancersWithSkills, listOpenProjectsWithSkills, findClientTimeZone } from '~/models/matching.server'
import { freelancerRecordsOf } from '~/models/freelancer-records.server'
import { listSkillsOfProjects } from '~/models/projects.server'
import { relatedSkills } from '~/services/ai/semantic-skills.server'
const sqlite = getDb().$client
const ids = (sqlite.prepare(`select id, client_id from projects where status='open' limit 2000`).all() as { id: string; client_id: string }[]).filter((_, i) => i % 20 === 0)
const widen = (skills: string[]) => [...new Set([...skills, ...skills.flatMap((s) => relatedSkills(s, { limit: 3 }).map((x) => x.name))])]
const t: Record<string, number> = {}
const time = async <T>(k: string, f: () => Promise<T> | T) => { const s = performance.now(); const r = await f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r }
for (const round of [0, 1]) {
  for (const k of Object.keys(t)) delete t[k]
  for (const p of ids) {
    const skills = (await time('skillsOf', () => listSkillsOfProjects([p.id]))).get(p.id) ?? []
    await time('tz', () => findClientTimeZone(p.client_id))
    const w = await time('widen', () => widen(skills))
    const c = await time('listFreelancers', () => listFreelancersWithSkills(w, 60))
    await time('records', () => freelancerRecordsOf(c.map((x) => x.id)))
    await time('listProjects', () => listOpenProjectsWithSkills(w, 60))
  }
  console.log(round, ids.length, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / ids.length).toFixed(2)])))
}
