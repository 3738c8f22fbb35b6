/** Whether DISABLED_JOBS (job names, or `*` for all) turns the job `name` off in this deployment. */
export function isJobDisabled(disabled: readonly string[], name: string): boolean {
  return disabled.includes('*') || disabled.includes(name)
}
