import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, createdAt, sentCode, textId } from './columns'
import { optionalUserRef, ownedByUser, userRef } from './accounts'

export const SECOND_FACTOR_METHODS = ['totp', 'sms', 'email', 'passkey', 'security_key', 'backup_code'] as const
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number]

/** An authenticator-app secret (sealed with the app key); usable once confirmed with a code. */
export const totpFactors = sqliteTable('totp_factors', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: at('confirmed_at'),
  /** The time step of the last accepted code: that step and earlier ones are refused (replay). */
  lastTimeStep: integer('last_time_step'),
  createdAt: createdAt(),
})

/** A phone number (E.164) that receives sign-in codes once verified. */
export const smsFactors = sqliteTable('sms_factors', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  phoneE164: text('phone_e164').notNull(),
  verifiedAt: at('verified_at'),
  createdAt: createdAt(),
})

/** Email codes switched on as a second factor. */
export const emailFactors = sqliteTable('email_factors', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  enabledAt: at('enabled_at').notNull(),
})

export const WEBAUTHN_KINDS = ['passkey', 'security_key'] as const

/** A WebAuthn credential: a platform passkey or a roaming security key. */
export const webauthnCredentials = sqliteTable(
  'webauthn_credentials',
  {
    /** Its id is the base64url credential id. */
    ...ownedByUser(),
    kind: text('kind', { enum: WEBAUTHN_KINDS }).notNull(),
    name: text('name').notNull(),
    publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
    counter: integer('counter').notNull(),
    transports: text('transports').notNull().default(''), // comma-separated
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [index('webauthn_credentials_user_idx').on(t.userId)],
)

/** A WebAuthn challenge kept on the server until it is used once or expires. */
export const webauthnChallenges = sqliteTable('webauthn_challenges', {
  ...ownedByUser(),
  purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
  challenge: text('challenge').notNull(),
  kind: text('kind', { enum: WEBAUTHN_KINDS }),
  expiresAt: at('expires_at').notNull(),
  createdAt: createdAt(),
})

/** Backup codes, hashed; generating a new set deletes the old one. */
export const backupCodes = sqliteTable(
  'backup_codes',
  {
    ...ownedByUser(),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('backup_codes_user_idx').on(t.userId)],
)

export const CODE_CHANNELS = ['email', 'sms'] as const
export const CODE_PURPOSES = ['second_factor', 'verify_phone', 'enable_email', 'change_email'] as const

/** Six-digit codes sent by email or SMS: hashed, single use, 10 minutes, 5 attempts. */
export const oneTimeCodes = sqliteTable(
  'one_time_codes',
  {
    ...ownedByUser(),
    channel: text('channel', { enum: CODE_CHANNELS }).notNull(),
    purpose: text('purpose', { enum: CODE_PURPOSES }).notNull(),
    destination: text('destination').notNull(),
    /** What the code is for: a pending sign-in or a session confirming a change. Other requests cannot use it. */
    boundTo: text('bound_to').notNull().default(''),
    ...sentCode(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('one_time_codes_user_idx').on(t.userId, t.channel, t.purpose)],
)

/** A password that was right, waiting for the second-factor challenge. The cookie holds the token; we keep its hash. */
export const pendingSignIns = sqliteTable('pending_sign_ins', {
  ...ownedByUser(),
  assessmentId: text('assessment_id'),
  redirectTo: text('redirect_to'),
  expiresAt: at('expires_at').notNull(),
  createdAt: createdAt(),
})

/** A browser that signed in to an account: the long-lived device cookie's id per user. */
export const knownDevices = sqliteTable(
  'known_devices',
  {
    ...ownedByUser(),
    deviceId: text('device_id').notNull(),
    userAgent: text('user_agent'),
    firstSeenAt: at('first_seen_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('known_devices_user_device_idx').on(t.userId, t.deviceId)],
)

export const RISK_LEVELS = ['low', 'medium', 'high'] as const
export const RISK_OUTCOMES = ['allowed', 'second_factor', 'refused'] as const

/** Every sign-in risk assessment, with the factors that made its score. */
export const signInAssessments = sqliteTable(
  'sign_in_assessments',
  {
    ...ownedByUser(),
    ip: text('ip'),
    country: text('country'),
    city: text('city'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    deviceId: text('device_id'),
    userAgent: text('user_agent'),
    score: integer('score').notNull(),
    level: text('level', { enum: RISK_LEVELS }).notNull(),
    factors: text('factors', { mode: 'json' }).$type<{ name: string; points: number; detail: string }[]>().notNull(),
    outcome: text('outcome', { enum: RISK_OUTCOMES }).notNull(),
    /** Set when the sign-in finished (password alone or after the second-factor challenge). */
    completedAt: at('completed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_assessments_user_idx').on(t.userId, t.createdAt)],
)

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The security log: who, what, how serious, from where. userId is null when no account matched. */
export const securityEvents = sqliteTable(
  'security_events',
  {
    id: textId(),
    userId: optionalUserRef('user_id', 'cascade'),
    kind: text('kind').notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: text('detail').notNull().default(''),
    assessmentId: text('assessment_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('security_events_user_idx').on(t.userId, t.createdAt),
    index('security_events_ip_idx').on(t.ip, t.kind, t.createdAt),
    index('security_events_created_idx').on(t.createdAt),
  ],
)

/**
 * Failure counters behind the back-off on sign-in and code checks, per account and per IP; for a
 * quota (emails, the contact form, an account's messages, projects, proposals and invitations),
 * `failures` counts the uses of the window that began at `windowStartedAt`.
 */
export const authThrottles = sqliteTable('auth_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: at('last_failure_at').notNull(),
  lockedUntil: at('locked_until'),
  windowStartedAt: at('window_started_at'),
})

/** Admin-managed IP ranges (CIDR) refused at sign-in. */
export const ipBlocklist = sqliteTable('ip_blocklist', {
  id: textId(),
  cidr: text('cidr').notNull().unique(),
  reason: text('reason').notNull(),
  createdBy: optionalUserRef('created_by', 'set null'),
  createdAt: createdAt(),
})

/** An account's own allowed IP ranges; when any exist, sign-in from elsewhere is refused. */
export const ipAllowlist = sqliteTable(
  'ip_allowlist',
  {
    ...ownedByUser(),
    cidr: text('cidr').notNull(),
    label: text('label').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ip_allowlist_user_cidr_idx').on(t.userId, t.cidr)],
)

/**
 * A sign-up waiting for its emailed code. Made for every sign-up, even when the address already
 * has an account (then no code can match), so the form never reveals which emails are registered.
 */
export const pendingSignUps = sqliteTable('pending_sign_ups', {
  id: textId(), // hash of the cookie token
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ['client', 'freelancer'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  ...sentCode(),
  createdAt: createdAt(),
})
