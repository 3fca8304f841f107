// Saving a file the page holds (a Blob) under a name through a temporary link: the browser's
// own download, without leaving the page.
export function saveBlob(blob, filename) {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)  // after the browser has started the download
}
