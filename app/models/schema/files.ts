import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, textId } from './columns'
import { userRef } from './accounts'
import { UPLOAD_PURPOSES } from '../../domain/enums'

/** A file a user uploaded, stored on disk under the uploads directory by its id. */
export const uploads = sqliteTable(
  'uploads',
  {
    id: textId(),
    ownerId: userRef('owner_id', 'cascade'),
    purpose: text('purpose', { enum: UPLOAD_PURPOSES }).notNull(),
    /** The name the user's file had, for downloads; never used as a path. */
    originalName: text('original_name').notNull(),
    /** Detected from the file's bytes, not taken from the browser. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('uploads_owner_idx').on(t.ownerId)],
)
