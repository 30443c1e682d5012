/**
 * Saves text as a file through the browser's own download: a Blob URL on a temporary `<a download>`. Why no IPC:
 * the document is built in the renderer already, and this works the same in Electron (its download handler asks
 * where to save) and in the browser preview.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some engines start reading the Blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
