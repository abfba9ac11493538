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
