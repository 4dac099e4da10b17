export interface Bilingual {
  id: string;
  en: string;
}

/** Indonesian first, English beside it — as everywhere in the product. */
export const bilingual = (text: Bilingual | undefined) => (text ? (text.id === text.en ? text.id : `${text.id} (${text.en})`) : '');
