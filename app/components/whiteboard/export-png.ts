/** Downloads what the canvas shows as a PNG file, through a temporary download link. */
export function exportCanvasAsPng(canvas: HTMLCanvasElement, fileName: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.append(link)
    link.click()
    link.remove()
    // The download has its own copy once it starts.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }, 'image/png')
}
