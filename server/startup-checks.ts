import { demoDataAllowed, siteOrigin, type Env } from '../app/utils/env.server'

/**
 * Why this server must not start on its database, or null: demo accounts share a published
 * password (and their sandbox money sits in the ledger), so production runs them only on purpose.
 */
export function demoDataProblem(env: Env, demoAccounts: number): string | null {
  if (demoAccounts === 0 || demoDataAllowed(env)) return null
  return (
    `Refusing to start: the database ${env.DATABASE_PATH} holds ${demoAccounts} demo accounts, which share the published ` +
    `demo password and sandbox money. To run the demo on purpose, set DEMO=true. For real use, point DATABASE_PATH at a new ` +
    `database and create the first admin with \`npm run create-admin\`.`
  )
}

/** Risks a production operator should hear about at every start (not in the demo, which is all sandbox). */
export function startupWarnings(env: Env): string[] {
  if (env.NODE_ENV !== 'production' || env.DEMO) return []
  const warnings: string[] = []
  if (!env.SMTP_URL) {
    warnings.push(
      'SMTP_URL is not set: emails are kept in the offline outbox instead of being sent, so every admin (and anyone who can ' +
        'read the database) can read sign-in, sign-up and password reset codes until they expire, and take over that account. ' +
        'Set SMTP_URL before real people use this server.',
    )
  }
  if (!env.APP_URL) {
    warnings.push(
      `APP_URL is not set: links in emails, the sitemap, robots.txt and pages' canonical addresses point at ` +
        `${siteOrigin(env)} (a request's Host header is never used: anyone can forge it). Set APP_URL to the address ` +
        'people use, e.g. https://megilance.example.com.',
    )
  }
  if (!(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM_NUMBER)) {
    warnings.push(
      'Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER): text-message codes are kept in ' +
        'the offline outbox, where admins can read them until they expire.',
    )
  }
  return warnings
}
