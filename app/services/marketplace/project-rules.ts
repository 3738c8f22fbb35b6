/** Who may see a project and what its owner may do with it (pure, no database). */
import type { ProjectStatus, ProjectVisibility, Role } from '~/domain/enums'

export type ProjectAccessFacts = {
  clientId: string
  visibility: ProjectVisibility
  hiddenAt: Date | string | null
}

/**
 * Owners and admins always see a project. Others never see a hidden one, and see an invite-only
 * one only when they were invited to it (or already sent a proposal: `invited` covers both).
 */
export function canViewProject(
  project: ProjectAccessFacts,
  viewer: { id: string; role: Role },
  invited: boolean,
): boolean {
  if (viewer.role === 'admin' || viewer.id === project.clientId) return true
  if (project.hiddenAt) return false
  if (project.visibility === 'invite_only') return invited
  return true
}

export type OwnerAction = 'edit' | 'close' | 'reopen' | 'invite'

export function ownerActions(project: {
  status: ProjectStatus
  closeReason: 'hired' | 'no_hire' | null
  hiddenAt: Date | string | null
}): OwnerAction[] {
  if (project.status === 'open') return project.hiddenAt ? ['edit', 'close'] : ['edit', 'close', 'invite']
  return project.closeReason === 'no_hire' ? ['reopen'] : []
}

const ACTION_WORDS: Record<OwnerAction, string> = { edit: 'edit', close: 'close', reopen: 'reopen', invite: 'invite' }

/** The 409 message for an action the project's state does not allow. */
export function actionNotAllowed(action: OwnerAction, allowed: OwnerAction[]): string {
  const now = allowed.length
    ? `What you can do now: ${allowed.map((a) => ACTION_WORDS[a]).join(', ')}.`
    : 'Nothing can be changed on it now.'
  return `This project cannot be ${action === 'edit' ? 'edited' : action === 'close' ? 'closed' : action === 'reopen' ? 'reopened' : 'used for invitations'} in its current state. ${now}`
}
