import './app-env'
import crypto from 'node:crypto'
import { setProjectHidden } from '~/models/projects.server'
import { DEMO_ACCOUNTS } from './fixtures'
import { createOpenProject } from './projects-fixtures'

/**
 * Projects of the demo client that share one made-up keyword, so a search for it finds exactly
 * these: `react` fixed-price React projects, `python` hourly Python projects, and one hidden and
 * one invite-only project that search must never show.
 */
export async function createSearchProjects({ react = 12, python = 10 } = {}) {
  const keyword = `qz${crypto.randomBytes(5).toString('hex')}`
  const now = Date.now()
  const ids: string[] = []
  const add = async (
    i: number,
    skill: string,
    budgetType: 'fixed' | 'hourly',
    extra: { visibility?: 'public' | 'invite_only'; hidden?: boolean } = {},
  ) => {
    const createdAt = new Date(now - i * 60_000)
    const { projectId } = await createOpenProject(DEMO_ACCOUNTS.client.email, {
      title: `${skill} ${keyword} dashboard number ${i + 1}`,
      description: `We need a ${skill} developer to build a ${keyword} reporting dashboard for our team.`,
      budgetType,
      budgetMinMinor: budgetType === 'fixed' ? 0 : 3_000,
      budgetMinor: budgetType === 'fixed' ? 50_000 + i * 1_000 : 6_000,
      skills: [skill],
      visibility: extra.visibility,
      createdAt,
    })
    if (extra.hidden) await setProjectHidden(projectId, { at: createdAt, reason: 'Hidden by the e2e fixture' })
    ids.push(projectId)
  }
  for (let i = 0; i < react; i++) await add(i, 'React', 'fixed')
  for (let i = 0; i < python; i++) await add(react + i, 'Python', 'hourly')
  await add(react + python, 'React', 'fixed', { hidden: true })
  await add(react + python + 1, 'React', 'fixed', { visibility: 'invite_only' })
  return { keyword, ids, visible: react + python }
}
