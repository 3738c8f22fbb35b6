/** The submitted form, or a 400 when the body is not a form (wrong content type, broken multipart). */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw new Response('The form could not be read. Please go back and submit it again.', { status: 400 })
  }
}
