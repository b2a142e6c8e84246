/**
 * Copies `text` to the clipboard; when the browser refuses, selects it in `field` instead so the
 * person can copy it by hand. Says which happened, for the page to put into words.
 */
export async function copyOrSelect(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<'copied' | 'select'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'select';
  }
}
