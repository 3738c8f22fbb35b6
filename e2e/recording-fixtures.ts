import './app-env'
import fs from 'node:fs'
import { listCallRecordings } from '~/models/call-recordings.server'
import { findCall } from '~/models/calls.server'
import { recordingPath } from '~/services/video/recording-files.server'

/** The call's recordings as the server stored them, and whether each one's file is on disk. */
export async function recordingsForTest(callId: string) {
  return (await listCallRecordings(callId)).map((recording) => ({
    ...recording,
    fileExists: fs.existsSync(recordingPath(recording.id)),
    path: recordingPath(recording.id),
  }))
}

/** When the call ended (null while someone is still in it). */
export async function callEndedAtForTest(callId: string): Promise<Date | null> {
  return (await findCall(callId))?.endedAt ?? null
}
