const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

/**
 * The guided tours ("Create your schema", "Deploy to Strapi Cloud", the Content Manager's tour
 * popup) ignore `config.tutorials` in 5.54: they show in a development build unless the tour
 * state in localStorage says `enabled: false` (what "Skip all tours" writes). The state is
 * written so before the admin renders; Strapi fills in the tours it lacks.
 */
export const disableGuidedTours = (storage: Pick<Storage, 'getItem' | 'setItem'>) => {
  let stored: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(storage.getItem(GUIDED_TOUR_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  if (stored.enabled !== false) storage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
};
