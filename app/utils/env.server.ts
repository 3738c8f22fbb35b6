import * as z from 'zod'
import { validateCryptoAddress } from '~/domain/crypto-addresses'
import type { CryptoNetwork } from '~/domain/crypto-networks'

const booleanString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

/** A receiving address for one network, checked with that network's checksum at start. */
const cryptoAddress = (network: CryptoNetwork) =>
  z
    .string()
    .transform((value, ctx) => {
      const result = validateCryptoAddress(network, value)
      if (result.ok) return result.address
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    })
    .optional()

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Web worker processes sharing the port (server/cluster/); unset, one per CPU core. */
  WEB_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  DATABASE_PATH: z.string().min(1).default('./data/megilance.db'),
  /** Where uploaded files live; by default an `uploads` folder beside the database. */
  UPLOADS_DIR: z.string().min(1).optional(),
  /** Where `npm run backup` and the daily backup job write; by default a `backups` folder beside the database. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many backups the daily job keeps (the oldest beyond this are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_URL: z.url().optional(),
  SMTP_URL: z
    .url()
    .refine((value) => /^smtps?:/.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('MegiLance <no-reply@megilance.local>'),
  /** Twilio sends SMS codes when all three are set; otherwise texts go to the admin outbox. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC\w{32}$/, 'must be an account SID (AC followed by 32 characters)')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_FROM_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, like +15017122661')
    .optional(),
  TRUST_PROXY: booleanString.default(false),
  COOKIE_SECURE: booleanString.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  AUTH_RATE_LIMIT_PER_15_MINUTES: z.coerce.number().int().positive().default(20),
  ENABLE_BENCH_ROUTES: booleanString.default(false),
  /** The bearer token a Prometheus scraper sends for /metrics; unset, there is no /metrics. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Demo mode: the seeded demo data (shared published password, sandbox money) is allowed and a banner says so. */
  DEMO: booleanString.default(false),
  /** Sandbox money paths (test cards, unconfigured crypto networks, sandbox payouts) in production without DEMO. */
  SANDBOX_PAYMENTS: booleanString.default(false),
  /** Scheduled jobs this process does not run, comma-separated, `*` for all (e.g. on a second instance, or in e2e). */
  DISABLED_JOBS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  /** The time zone analytics count days, weeks and months in (an IANA name, e.g. Europe/London). */
  PLATFORM_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'must be an IANA time zone such as UTC or Europe/London'),
  /** The currency analytics report money in; amounts in other currencies are left out of the sums. */
  ANALYTICS_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code')
    .default('USD'),
  /** The platform fee taken from each released payment, in percent (published on /help/fees). */
  PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(50).default(10),
  /** Declined charges of one hourly invoice after which its contract pauses until the client pays. */
  HOURLY_CHARGE_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(3),
  /** WebAuthn relying party: the domain passkeys are bound to, never taken from a request. */
  WEBAUTHN_RP_ID: z.string().min(1).default('localhost'),
  /** The exact origin the browser reports; by default APP_URL's origin, else http://localhost:PORT. */
  WEBAUTHN_ORIGIN: z.url().optional(),
  WEBAUTHN_RP_NAME: z.string().min(1).default('MegiLance'),
  /** Stripe: cards through Checkout, Connect payouts. Unset: the built-in sandbox processes test cards. */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
    .optional(),
  /** Signs Stripe's webhook calls to /webhooks/stripe (whsec_…); required when STRIPE_SECRET_KEY is set. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
    .optional(),
  /** Where crypto payments are received, per network. Unset: shipped sandbox (burn) addresses. */
  CRYPTO_RECEIVE_ADDRESS_BITCOIN: cryptoAddress('bitcoin'),
  CRYPTO_RECEIVE_ADDRESS_ETHEREUM: cryptoAddress('ethereum'),
  CRYPTO_RECEIVE_ADDRESS_BSC: cryptoAddress('bsc'),
  CRYPTO_RECEIVE_ADDRESS_POLYGON: cryptoAddress('polygon'),
  CRYPTO_RECEIVE_ADDRESS_SOLANA: cryptoAddress('solana'),
  /** Signs the crypto payment provider's calls to /webhooks/crypto (HMAC-SHA256 of the raw body). */
  CRYPTO_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Exchange rates: "live" asks the ECB and CoinGecko (cached 5 minutes); "snapshot" uses the shipped rates. */
  EXCHANGE_RATES_SOURCE: z.enum(['live', 'snapshot']).default('snapshot'),
  /** Optional CoinGecko demo API key, sent as x-cg-demo-api-key; the public endpoint works without. */
  COINGECKO_API_KEY: z.string().min(8).optional(),
  /**
   * ICE servers for call browsers (STUN/TURN), a JSON array as RTCPeerConnection takes it, e.g.
   * [{"urls":"turn:turn.example.com:3478","username":"u","credential":"p"}]. Empty works on a LAN.
   */
  ICE_SERVERS: z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of ICE servers' })
        return z.NEVER
      }
    })
    .pipe(
      z.array(
        z.object({
          urls: z.union(
            [
              z.string().regex(/^(stun|stuns|turn|turns):/),
              z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1),
            ],
            {
              error: 'each ICE server needs urls starting with stun:, stuns:, turn: or turns:',
            },
          ),
          username: z.string().optional(),
          credential: z.string().optional(),
        }),
      ),
    )
    .default([]),
  /** The country the platform is registered for VAT in (ISO 3166 alpha-2); EU clients elsewhere with a VAT ID are reverse charged. */
  /** The largest a call recording may grow; past it the upload is refused and the recording stops. */
  RECORDING_MAX_BYTES: z.coerce.number().int().positive().default(500_000_000),
  /** Days after its call ends that a recording (file and row) is deleted by the recording-retention job. */
  RECORDING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PLATFORM_TAX_COUNTRY: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code, like IE')
    .transform((value) => value.toUpperCase())
    .default('IE'),
})

export type Env = Omit<z.infer<typeof schema>, 'WEBAUTHN_ORIGIN'> & { WEBAUTHN_ORIGIN: string }

function withDefaults(env: z.infer<typeof schema>): Env {
  return { ...env, WEBAUTHN_ORIGIN: new URL(env.WEBAUTHN_ORIGIN ?? siteOrigin(env)).origin }
}

/**
 * The site's public origin, for every link we print (emails, sitemap, robots.txt, canonical URLs):
 * APP_URL's, else this machine's own http://localhost:PORT — never a request's Host header, which
 * anyone can forge (a cached sitemap or page would then point at their site).
 */
export function siteOrigin(env: Pick<Env, 'APP_URL' | 'PORT'> = getEnv()): string {
  return env.APP_URL ? new URL(env.APP_URL).origin : `http://localhost:${env.PORT}`
}

/** Parses the environment; every problem names its variable so a bad deploy says what to fix. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = schema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return withDefaults(result.data)
}

/** Sandbox money paths run in development, in the demo, or when a production operator turns them on. */
export function sandboxPaymentsEnabled(env: Env = getEnv()): boolean {
  return env.NODE_ENV !== 'production' || env.DEMO || env.SANDBOX_PAYMENTS
}

/** Demo data (shared published password, sandbox money) belongs in development and tests, and in production only with DEMO. */
export function demoDataAllowed(env: Env = getEnv()): boolean {
  return env.NODE_ENV !== 'production' || env.DEMO
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** Tests change process.env (e.g. set a Stripe key) and make the next getEnv() read it again. */
export function resetEnvForTests(): void {
  cached = undefined
}
