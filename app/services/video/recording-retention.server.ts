import { deleteRecordingRow, listRecordingsEndedBefore } from '~/models/call-recordings.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { DAY_MS } from '~/domain/durations'
import { removeRecordingFile } from './recording-files.server'

/**
 * Deletes every recording (file, then row) whose call ended more than RECORDING_RETENTION_DAYS
 * before `now`, logging each one. Safe to repeat: what is gone is not listed again.
 */
export async function runRecordingRetention(now: Date): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - getEnv().RECORDING_RETENTION_DAYS * DAY_MS)
  const expired = await listRecordingsEndedBefore(cutoff)
  for (const recording of expired) {
    await removeRecordingFile(recording.id)
    await deleteRecordingRow(recording.id)
    logger.info(
      { callId: recording.callId, recordingId: recording.id, sizeBytes: recording.sizeBytes },
      'call recording deleted after its retention period',
    )
  }
  return { deleted: expired.length }
}
