import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MINUTE } from '~/domain/durations'

/**
 * Every threshold and weight the fraud detectors use, in one place, each with why it has its value.
 * Scores are points added up and capped at 100; an alert is raised at `minAlertScore`.
 */
export const FRAUD_CONFIG = {
  /** Below this, evidence is noise an admin should not have to read (one flag, one new device). */
  minAlertScore: 40,
  /** Open alerts reaching this on one account hold its payouts: high severity starts at 65. */
  holdPayoutsAtScore: 65,
  /** Blocking without a human is a big step: off unless an installation sets a score (e.g. 95). */
  autoBlockAtScore: null as number | null,

  cardTesting: {
    /** Card testers try many cards in a burst; a person fixing a typo retries within minutes. */
    windowMs: 30 * MINUTE,
    /** Fewer attempts than this is a person retrying, however many declines. */
    minAttempts: 5,
    /** A tester cycles cards; a person retries the same one or two. */
    minDistinctCards: 3,
    /** Testers mostly hit declines; at least half declined. */
    minDeclineRatio: 0.5,
    /** Testing uses tiny charges (under $5): nobody notices them on a stolen card. */
    smallAmountMinor: 500,
    points: { perAttemptOverMin: 4, perDistinctCard: 8, declineRatio: 30, mostlySmall: 15 },
  },

  linked: {
    /** Two accounts signing in from one IP this close together look like one person switching. */
    ipWindowMs: 10 * MINUTE,
    /** An office shares an IP: IP coincidences alone need to repeat this often to count as a link. */
    minIpCoincidences: 3,
    points: {
      /** A browser cookie, a payout destination or a card are one person's things. */
      strongLink: 25,
      ipLink: 10,
      /** Hiring, paying and reviewing yourself: the money or the rating never left one person. */
      contractInside: 20,
      releaseInside: 20,
      reviewInside: 15,
    },
  },

  reviews: {
    /** A ring posts its ratings in a burst. */
    windowMs: 7 * DAY,
    /** Accounts younger than this at review time count as new. */
    newAccountMs: 14 * DAY,
    /** Fewer suspicious top ratings than this in the window is ordinary luck. */
    minSuspicious: 3,
    /** Only top ratings inflate a profile. */
    topRating: 5,
    /** With this many earlier reviews the reviewee's history says what is normal for them. */
    minHistory: 4,
    /** A burst this far above the earlier average is out of character. */
    farFromHistory: 1.5,
    points: { perSuspicious: 15, linkedReviewer: 10, farFromHistory: 20 },
  },

  velocity: {
    /** Fund to release this fast means nobody looked at the work. */
    fastReleaseMs: 30 * MINUTE,
    /** Then straight out of the wallet. */
    payoutAfterReleaseMs: 60 * MINUTE,
    /** Once can be a happy client; repeated is a pattern. */
    minRounds: 2,
    /** A release this many times the freelancer's median earlier release is out of character. */
    farAboveHistory: 5,
    /** With fewer earlier releases there is no history to compare with. */
    minHistory: 3,
    /** A payout this soon after adding a payout method is what a thief does. */
    payoutAfterMethodMs: HOUR,
    points: { perRound: 30, farAboveHistory: 20, payoutAfterMethod: 25 },
  },

  takeover: {
    /** What a thief does happens within a day of getting in. */
    windowMs: DAY,
    /** A new device and one change is often a new laptop: it takes a third sign (or high risk). */
    minScore: 55,
    points: {
      highRisk: 40,
      newDevice: 25,
      payoutMethod: 30,
      emailOrPassword: 25,
      secondFactor: 20,
      payout: 20,
    },
  },

  fakeProfiles: {
    /** Only recent sign-ups: an old account has a history that says more than how it started. */
    lookbackMs: 30 * DAY,
    /** Bulk sign-ups come in a burst. */
    windowMs: DAY,
    /** Four or more accounts from one browser in a day is not a family sharing a laptop. */
    minPerDevice: 4,
    /** A /24 is an office or a small ISP pool: alone it never reaches an alert (see points). */
    minPerSubnet: 5,
    /** Shingle similarity (Jaccard) from which two profiles are the same text with a name changed. */
    nearDuplicate: 0.8,
    /** Two look-alike profiles can be a template; three or more is a farm. */
    minDuplicateGroup: 3,
    /** Short texts ("Startup team in Berlin") are written alike by honest people: only longer ones count. */
    minWordsForDuplicate: 12,
    points: {
      deviceBurst: 40,
      subnetBurst: 15,
      duplicates: 40,
      perExtraAccount: 5,
      /** A disposable address is common among honest people too: it only adds to other signs. */
      perDisposable: 10,
      maxDisposable: 30,
    },
  },

  proposals: {
    windowMs: 7 * DAY,
    /** Cover letters this similar are the same letter, not a reused one with real edits. */
    nearDuplicate: 0.85,
    /** Sending one letter to this many projects is spam. */
    minProjects: 8,
    points: { base: 40, perProjectOverMin: 5 },
  },

  offPlatform: {
    windowMs: 30 * DAY,
    /** Once can be a slip; asking in several conversations is a habit. */
    minConversations: 2,
    points: { perConversation: 25 },
  },

  disputes: {
    windowMs: 90 * DAY,
    /** Too few submissions say nothing about a share. */
    minSubmissions: 4,
    /** Disputing half of what was delivered is unusual (most clients dispute almost nothing). */
    minShare: 0.5,
    points: { base: 20, share: 60 },
  },

  /**
   * Members' reports (the "Report" link): a first report is worth an admin's look (medium); more
   * people reporting the same person raise it. It stays below `holdPayoutsAtScore`: reports alone,
   * which anyone with a few accounts could send, never hold a person's money; an admin decides.
   */
  memberReports: {
    points: { first: 40, perFurtherReporter: 10 },
    maxScore: 60,
  },
} as const
