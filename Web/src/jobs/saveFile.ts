// Saves bytes the page holds as a file. A link's download attribute is ignored for another origin (S3: the browser
// would play the video instead), so the page saves from a same-origin blob: URL.
export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
