/** One change of an account's email address, as the history keeps it (newest first in a list). */
type EmailChange = {
  id: string
  oldEmail: string
  confirmedBy: 'code_to_new_address' | 'restored_by_admin'
}

/**
 * The changes whose earlier address an admin may put back, from the history newest first: each
 * earlier address once (by its latest change away from it), never the current one, and never one
 * an admin restore took off the account (whoever had taken it over would get it back).
 */
export function restorableChanges<Change extends EmailChange>(changes: Change[], currentEmail: string): Change[] {
  const excluded = new Set([
    currentEmail,
    ...changes.filter((change) => change.confirmedBy === 'restored_by_admin').map((change) => change.oldEmail),
  ])
  return changes.filter((change) => {
    if (excluded.has(change.oldEmail)) return false
    excluded.add(change.oldEmail)
    return true
  })
}
