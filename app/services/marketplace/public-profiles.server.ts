import { NotFound } from '~/services/domain-errors'
import { listPortfolioItems } from '~/models/portfolio.server'
import {
  contractCountsOf,
  countProjectsPosted,
  findClientProfile,
  findFreelancerProfile,
  findPublicUser,
} from '~/models/profiles.server'
import { listVisibleReviewsOf, reviewStatsOf } from '~/models/reviews.server'
import { rankOfFreelancer } from './rank.server'
import { detectOffPlatformInPost } from '~/services/messaging/off-platform'

const REVIEWS_SHOWN = 20

function notFound(): never {
  throw new NotFound()
}

/** Everything /freelancers/:userId shows; NotFound for unknown ids and for users who are not freelancers. */
export async function loadFreelancerPublicProfile(userId: string | undefined, now = new Date()) {
  const user = userId ? await findPublicUser(userId, 'freelancer') : undefined
  if (!user) notFound()
  const [profile, portfolio, stats, reviews, contracts, rank] = await Promise.all([
    findFreelancerProfile(user.id),
    listPortfolioItems(user.id),
    reviewStatsOf(user.id, now),
    listVisibleReviewsOf(user.id, { limit: REVIEWS_SHOWN, now }),
    contractCountsOf(user.id, 'freelancer'),
    rankOfFreelancer(user.id, now),
  ])
  return {
    user,
    profile: {
      headline: profile?.headline ?? '',
      bio: profile?.bio ?? '',
      hourlyRateMinor: profile?.hourlyRateMinor ?? null,
      currency: profile?.currency ?? 'USD',
      experienceLevel: profile?.experienceLevel ?? 'entry',
      country: profile?.country ?? null,
      timeZone: profile?.timeZone ?? null,
      languages: profile?.languages ?? [],
      availability: profile?.availability ?? 'full_time',
      skills: (profile?.skills ?? []).map((skill) => skill.name),
      // Contact details or payment outside escrow in the headline or bio, as a message would be flagged.
      offPlatformReasons: detectOffPlatformInPost(`${profile?.headline ?? ''}\n${profile?.bio ?? ''}`),
    },
    portfolio: portfolio.map(({ id, title, description, links, images }) => ({
      id,
      title,
      description,
      links,
      images,
    })),
    reviewStats: stats,
    reviews,
    contracts,
    rankScore: rank.score,
  }
}

/** Everything /clients/:userId shows; NotFound for unknown ids and for users who are not clients. */
export async function loadClientPublicProfile(userId: string | undefined, now = new Date()) {
  const user = userId ? await findPublicUser(userId, 'client') : undefined
  if (!user) notFound()
  const [profile, stats, reviews, contracts, projectsPosted] = await Promise.all([
    findClientProfile(user.id),
    reviewStatsOf(user.id, now),
    listVisibleReviewsOf(user.id, { limit: REVIEWS_SHOWN, now }),
    contractCountsOf(user.id, 'client'),
    countProjectsPosted(user.id),
  ])
  return {
    user,
    profile: { company: profile?.company ?? '', country: profile?.country ?? null },
    reviewStats: stats,
    reviews,
    contracts,
    projectsPosted,
  }
}
