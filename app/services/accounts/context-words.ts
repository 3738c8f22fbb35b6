/**
 * Words an attacker tries first against this site (ASVS 6.1.2): the product's own names and the
 * person's own name and email. A password that is only one of them, give or take digits and
 * symbols, or that contains the person's name or email name, is refused.
 */
const CONTEXT_WORDS = ['megilance', 'megi', 'freelance', 'freelancer', 'freelancing', 'marketplace', 'client', 'escrow']

const lettersOnly = (value: string) => value.toLowerCase().replace(/[^\p{L}]/gu, '')

export function contextWordIn(password: string, person: { email: string; name: string }): string | null {
  const letters = lettersOnly(password)
  const personal = [person.email.split('@')[0] ?? '', person.name, ...person.name.split(/\s+/)]
    .map(lettersOnly)
    .filter((w) => w.length >= 4)
  if (CONTEXT_WORDS.includes(letters)) return letters
  return personal.find((word) => letters === word || letters.includes(word)) ?? null
}
