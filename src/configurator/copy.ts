/** The copy buttons of the configurator's outputs (steps 2–4): `data-for` names the textarea. */
export async function copyOutput(root: ParentNode, e: Event): Promise<void> {
  const button = e.currentTarget as HTMLButtonElement;
  const area = root.querySelector<HTMLTextAreaElement>(`textarea[name="${button.dataset.for}"]`)!;
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    area.select();
    document.execCommand('copy');
  }
}

/** Saves `data` on the person's computer as `file` (a download made in the page: works from disk, nothing is sent). */
export function downloadFile(file: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  Object.assign(document.createElement('a'), { href: url, download: file }).click();
  URL.revokeObjectURL(url);
}
