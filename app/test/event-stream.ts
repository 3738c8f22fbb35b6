/** Reads a server-sent event stream in a test, keeping all the text it has delivered so far. */
export function readEventStream(response: Response) {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const readOnce = async () => {
    const { value, done } = await reader.read()
    if (!done) text += decoder.decode(value)
    return !done
  }
  return {
    /** Reads until `needle` has arrived; fails when the stream ends first. Returns all the text so far. */
    async readUntil(needle: string) {
      while (!text.includes(needle)) if (!(await readOnce())) throw new Error(`stream ended before ${needle}`)
      return text
    },
    /** Reads until the stream closes. Returns all the text so far. */
    async readToEnd() {
      while (await readOnce());
      return text
    },
  }
}
