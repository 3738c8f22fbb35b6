import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { amountInCurrency, at, createdAt, ref, serialId, statusColumn, textId, writtenTimes } from './columns'
import { optionalUserRef, ownedByUser, userRef } from './accounts'
import { FRAUD_ALERT_STATUSES, FRAUD_ALERT_TYPES, FRAUD_SEVERITIES } from '../../domain/fraud-alerts'

/** What a detector saw: sentences an admin reads, and the same facts as data. */
export type FraudEvidence = { words: string[]; data: Record<string, unknown> }

/**
 * One fraud alert. The idempotency key names the evidence (e.g. the type and the accounts), so the
 * same evidence never raises a second alert; new evidence updates the open alert's score.
 */
export const fraudAlerts = sqliteTable(
  'fraud_alerts',
  {
    id: textId(),
    type: text('type', { enum: FRAUD_ALERT_TYPES }).notNull(),
    /** 0–100. */
    score: integer('score').notNull(),
    severity: text('severity', { enum: FRAUD_SEVERITIES }).notNull(),
    status: statusColumn(FRAUD_ALERT_STATUSES),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The account the alert is mainly about (the first of `accounts`). */
    subjectId: userRef('subject_id', 'cascade'),
    evidence: text('evidence', { mode: 'json' }).$type<FraudEvidence>().notNull(),
    assigneeId: optionalUserRef('assignee_id', 'set null'),
    /** When the detector last added evidence. */
    detectedAt: at('detected_at').notNull(),
    ...writtenTimes(),
  },
  (t) => [
    uniqueIndex('fraud_alerts_key_unique').on(t.idempotencyKey),
    index('fraud_alerts_status_idx').on(t.status, t.createdAt),
    index('fraud_alerts_created_idx').on(t.createdAt),
  ],
)

/** Every account an alert involves, so a person's alerts (and their payout hold) are one lookup. */
export const fraudAlertAccounts = sqliteTable(
  'fraud_alert_accounts',
  {
    alertId: ref('alert_id', () => fraudAlerts.id, 'cascade'),
    userId: userRef('user_id', 'cascade'),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.userId] }), index('fraud_alert_accounts_user_idx').on(t.userId)],
)

/** The alert's history: raised, updated with evidence, and each admin step with its note. */
export const fraudAlertEvents = sqliteTable(
  'fraud_alert_events',
  {
    id: serialId(),
    alertId: ref('alert_id', () => fraudAlerts.id, 'cascade'),
    /** Null when the platform did it (a detector). */
    actorId: optionalUserRef('actor_id', 'set null'),
    /** "raised", "evidence", an action of FRAUD_ALERT_MACHINE, "assign", "block", "payout". */
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: FRAUD_ALERT_STATUSES }),
    toStatus: text('to_status', { enum: FRAUD_ALERT_STATUSES }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('fraud_alert_events_alert_idx').on(t.alertId, t.createdAt)],
)

/**
 * Every card attempt, accepted or declined (a card payment row keeps only its last outcome), so
 * card testing is visible. The card is a keyed hash of its number (a fingerprint), never the number.
 */
export const cardAttempts = sqliteTable(
  'card_attempts',
  {
    ...ownedByUser(),
    paymentId: text('payment_id').notNull(),
    ...amountInCurrency(),
    cardFingerprint: text('card_fingerprint'),
    /** Where the attempt came from (the payer's IP and browser cookie id), so a run spread over accounts shows. */
    ip: text('ip'),
    deviceId: text('device_id'),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    declineReason: text('decline_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('card_attempts_user_idx').on(t.userId, t.createdAt),
    index('card_attempts_card_idx').on(t.cardFingerprint),
    index('card_attempts_device_idx').on(t.deviceId, t.createdAt),
    index('card_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
)
