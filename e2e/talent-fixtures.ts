import './app-env'
import crypto from 'node:crypto'
import { hashPassword } from '~/services/accounts/passwords.server'
import { insertUser } from '~/models/users.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'

/**
 * Three listed freelancers sharing a made-up keyword, so a talent search for it finds exactly them:
 * two Figma designers ($35 and $80 an hour) and a Python developer ($60), plus one without a
 * headline, whom the search must never list.
 */
export async function createTalent() {
  const keyword = `qz${crypto.randomBytes(5).toString('hex')}`
  const passwordHash = await hashPassword(crypto.randomBytes(12).toString('hex'))
  const add = async (name: string, headline: string, rateMinor: number, skills: string[]) => {
    const user = await insertUser({
      email: `${name.replaceAll(' ', '.')}.${keyword}@test.example`,
      name,
      role: 'freelancer',
      passwordHash,
    })
    await updateFreelancerProfile(user.id, {
      headline,
      bio: `Work for ${keyword} clients.`,
      hourlyRateMinor: rateMinor,
    })
    await replaceFreelancerSkills(user.id, [...(await ensureSkills(skills)).values()])
    return user
  }
  const designer = await add(`Ines ${keyword}`, `Brand designer ${keyword}`, 3_500, ['Figma', 'Logo Design'])
  await add(`Omar ${keyword}`, `Product designer ${keyword}`, 8_000, ['Figma', 'UI Design'])
  await add(`Pia ${keyword}`, `Python developer ${keyword}`, 6_000, ['Python'])
  await add(`Quinn ${keyword}`, '', 4_000, ['Figma'])
  return { keyword, designer }
}
