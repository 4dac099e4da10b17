/**
 * Every message a person may read is Indonesian first, English beside it.
 */
export interface Bilingual {
  id: string;
  en: string;
}

/** "Indonesian text (English text)": the single place that decides how the two are joined. */
export function formatBilingual(text: Bilingual): string {
  return `${text.id} (${text.en})`;
}
