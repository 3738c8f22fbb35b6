// text-readability ships no types; only what the quality checks call is declared.
declare module 'text-readability' {
  const readability: {
    /** The Flesch–Kincaid grade level: about the years of school needed to read the text easily. */
    fleschKincaidGrade(text: string): number
  }
  export default readability
}
