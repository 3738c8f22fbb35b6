import { useHydrated } from '~/components/security/use-hydrated'
import { currentTimeZoneName } from '~/services/accounts/profile-fields'

/**
 * With JavaScript, the browser's own time zone (by its current name) when it is one of `zones` other
 * than UTC; null without JavaScript and before hydration (the server cannot know it).
 */
export function useBrowserTimeZone(zones: readonly string[]): string | null {
  const hydrated = useHydrated()
  if (!hydrated) return null
  const browser = currentTimeZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone)
  return browser !== 'UTC' && zones.includes(browser) ? browser : null
}
