/**
 * What a member's name or headline may not pretend: to be MegiLance or its staff ("MegiLance
 * Support", "Admin", "Trust & Safety team"), or to be a way to reach someone off the platform (a web
 * address, an email address). A scammer named "MegiLance Support" who writes "your payout is on
 * hold, confirm your bank at …" is believed; admins' own names are not held to this.
 *
 * Whole words only, so a real person is never refused for what their name happens to contain:
 * "Adminah", "Modestas", "Teamwork Ltd" pass. A headline is held only to the lookalikes that cannot
 * describe honest work ("admin panels in React", "IT support" and "team lead" pass).
 */

/** Letters that look like Latin ones (Cyrillic, Greek) and digits written for letters ("Adm1n", "Supp0rt"). */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ո: 'n',
  м: 'm',
  т: 't',
  α: 'a',
  ε: 'e',
  ο: 'o',
  ρ: 'p',
  ι: 'i',
  ν: 'v',
  τ: 't',
  κ: 'k',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '|': 'l',
}

/** The text as the eye reads it: compatibility forms folded ("Ａｄｍｉｎ"), marks and invisible characters dropped, lookalikes mapped. */
function asRead(text: string): string {
  return [
    ...text
      .normalize('NFKD')
      .replace(/[\p{M}\p{Cf}]/gu, '')
      .toLowerCase(),
  ]
    .map((char) => LOOKALIKES[char] ?? char)
    .join('')
}

/** Words that name the platform's staff, read as whole words. */
const STAFF_WORDS =
  /(?<![\p{L}\p{N}])(admin|admins|administrator|administration|sysadmin|moderator|moderators|support|helpdesk|help desk|customer service|customer care|trust (and|&) safety|official|verification team|security team|billing team|payments team)(?![\p{L}\p{N}])/u

/** The platform's own name, however it is spaced or dotted ("Megi Lance", "M.e.g.i.L.a.n.c.e"). */
const isPlatformName = (read: string) => read.replace(/[^\p{L}]/gu, '').includes('megilance')

/** An email address, or a web address given by its scheme or "www.". */
const EMAIL_OR_URL = /\S@\S+\.\S|:\/\/|(?<![\p{L}\p{N}])www\./iu

/** Those, or a name ending in a common top-level domain (in a name; a headline may say "ASP.NET" or "Socket.IO"). */
const CONTACT =
  /\S@\S+\.\S|:\/\/|(?<![\p{L}\p{N}])www\.|[\p{L}\p{N}-]\.(com|net|org|io|ai|app|dev|me|info|biz|xyz|site|online|shop|store|link|ly|gg|tv|uk|de|ru|cn|pk)(?![\p{L}\p{N}])/iu

export const STAFF_NAME_MESSAGE =
  'Use your own name: names that read like MegiLance staff (“Support”, “Admin”, “MegiLance …”) or hold a web or email address are not allowed'
export const STAFF_COMPANY_MESSAGE =
  'Use your company’s own name: names that read like MegiLance staff (“MegiLance …”, “Support”, “Trust & Safety”) or hold a web or email address are not allowed'
export const STAFF_HEADLINE_MESSAGE =
  'Keep MegiLance staff titles (“MegiLance Support”) and web or email addresses out of your headline'

/** Whether a member's name reads like staff's, or holds a way to reach them elsewhere. */
export function isStaffLikeName(name: string): boolean {
  const read = asRead(name)
  return isPlatformName(read) || STAFF_WORDS.test(read) || CONTACT.test(name) || CONTACT.test(read)
}

/**
 * Whether a headline claims to speak for MegiLance (its name with a staff word: "Official MegiLance
 * support"), or holds a web or email address. Describing one's own work with the same words passes.
 */
export function isStaffLikeHeadline(headline: string): boolean {
  const read = asRead(headline)
  return (isPlatformName(read) && STAFF_WORDS.test(read)) || EMAIL_OR_URL.test(headline)
}

/** Every staff word, to take them all out of a company's name. */
const ALL_STAFF_WORDS = new RegExp(STAFF_WORDS.source, 'gu')
/** What a team's or a company's name adds around its words ("the Support Team", "Admin Services Ltd"). */
const COMPANY_FILLER =
  /(?<![\p{L}\p{N}])(the|team|teams|staff|customer|customers|help|department|dept|desk|office|center|centre|group|service|services|inc|ltd|llc|plc|gmbh|co|corp|company|and|of)(?![\p{L}\p{N}])/gu

/**
 * Whether a client's company name (written beside their name: "Jane Doe · Support") reads like
 * MegiLance staff: the platform's name, or nothing but staff words ("Support", "Admin Team", "Trust &
 * Safety Dept"), or an email or web address. A real company with such a word passes ("Acme IT
 * Support Ltd"), and so does one named after its domain ("Booking.com").
 */
export function isStaffLikeCompany(company: string): boolean {
  const read = asRead(company)
  if (isPlatformName(read) || EMAIL_OR_URL.test(company)) return true
  const withoutStaffWords = read.replace(ALL_STAFF_WORDS, ' ')
  return withoutStaffWords !== read && !/[\p{L}\p{N}]/u.test(withoutStaffWords.replace(COMPANY_FILLER, ' '))
}
