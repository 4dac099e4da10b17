/**
 * Partner names as the office writes them, made comparable: the key two spellings of one
 * institution share ("PT. Maju Jaya Tbk" and "maju jaya"), a string distance for near matches,
 * and the groups of likely duplicates the Humas page offers to merge. Pure: no Strapi.
 */
import type { InstitutionType } from './directory';

/**
 * Words that name a legal form or a kind of institution rather than the institution itself.
 * Dots are removed before words are split, so "P.T." and "Univ." arrive here as "pt" and "univ".
 */
export const LEGAL_FORM_WORDS: readonly string[] = [
  'pt', 'tbk', 'cv', 'persero', 'perseroan', 'terbatas', 'ud', 'pd', 'perum', 'firma', 'fa', 'koperasi',
  'inc', 'ltd', 'limited', 'llc', 'co', 'corp', 'corporation', 'company', 'gmbh', 'ag', 'bv', 'sa', 'plc', 'pte', 'sdn', 'bhd',
  'universitas', 'university', 'univ', 'universiti', 'universite', 'universidad',
  // Joining words that differ between the Indonesian and English form of a name ("University of X").
  'of', 'the',
];

const LEGAL = new Set(LEGAL_FORM_WORDS);

/** Case, accents and punctuation folded, whitespace collapsed: "  Café—Nusantara " → "cafe nusantara". */
export const foldText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/&/g, ' dan ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The comparable form of a partner's name: folded (`foldText`), legal-form words dropped, words
 * kept in their order. A name made only of such words keeps them (so "PT" alone is not empty).
 */
export function partnerNameKey(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean);
  const kept = words.filter((word) => !LEGAL.has(word));
  return (kept.length ? kept : words).join(' ');
}

/** What identifies a partner for the import and the duplicate check: its name key and its country. */
export const partnerMatchKey = (name: string, country: string | null | undefined): string =>
  `${partnerNameKey(name)}|${(country ?? '').trim().toUpperCase()}`;

/**
 * Levenshtein distance (insertions, deletions, substitutions of one character each), two rows of
 * the classic dynamic-programming table: O(|a|·|b|) time, O(|b|) memory.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** 1 for equal keys, 0 for nothing in common: 1 − distance / length of the longer key. */
export const nameSimilarity = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
};

/**
 * Two different keys are a near match when they are at least this similar (one typo in a
 * 7-letter name is 0.86) or when one key's words are all the other's in another order.
 * Keys shorter than `NEAR_MIN_LENGTH` are only ever exact matches ("abc" and "abd" are not one firm).
 */
export const NEAR_SIMILARITY = 0.85;
export const NEAR_MIN_LENGTH = 5;

const sameWords = (a: string, b: string) => a.split(' ').sort().join(' ') === b.split(' ').sort().join(' ');

export const isNearMatch = (a: string, b: string): boolean =>
  a !== b && Math.min(a.length, b.length) >= NEAR_MIN_LENGTH && (sameWords(a, b) || nameSimilarity(a, b) >= NEAR_SIMILARITY);

export interface NamedPartner {
  documentId: string;
  name: string;
  country: string;
}

export interface DuplicateGroup<P extends NamedPartner> {
  /** `exact`: every member has the same key; `near`: linked by near matches. */
  match: 'exact' | 'near';
  /** The lowest similarity between linked keys of the group (1 for exact). */
  similarity: number;
  partners: P[];
}

/**
 * Groups of partners that are likely one institution: the same country and the same name key
 * (exact), or names linked by near matches (transitively). Candidate pairs are only those keys
 * sharing a word of 3+ letters or the same first 3 letters (an inverted index), so a list of
 * thousands is not compared pair by pair. Groups sorted by their first member's name.
 */
export function findDuplicateGroups<P extends NamedPartner>(partners: readonly P[]): DuplicateGroup<P>[] {
  const byKey = new Map<string, P[]>();
  for (const partner of partners) {
    const key = partnerMatchKey(partner.name, partner.country);
    byKey.set(key, [...(byKey.get(key) ?? []), partner]);
  }
  const keys = [...byKey.keys()];
  const parent = keys.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index])));
  const lowest = new Map<number, number>();

  const index = new Map<string, number[]>();
  keys.forEach((key, position) => {
    const [name, country] = key.split('|');
    const tokens = new Set([...name.split(' ').filter((word) => word.length >= 3), `^${name.slice(0, 3)}`]);
    for (const token of tokens) {
      const bucket = `${country}|${token}`;
      index.set(bucket, [...(index.get(bucket) ?? []), position]);
    }
  });
  const compared = new Set<string>();
  for (const bucket of index.values()) {
    for (let i = 0; i < bucket.length; i += 1) {
      for (let j = i + 1; j < bucket.length; j += 1) {
        const [a, b] = [bucket[i], bucket[j]];
        const pair = `${a}:${b}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const nameA = keys[a].split('|')[0];
        const nameB = keys[b].split('|')[0];
        if (!isNearMatch(nameA, nameB)) continue;
        const similarity = sameWords(nameA, nameB) ? 1 : nameSimilarity(nameA, nameB);
        const [ra, rb] = [root(a), root(b)];
        const joined = Math.min(similarity, lowest.get(ra) ?? 1, lowest.get(rb) ?? 1);
        parent[rb] = ra;
        lowest.set(ra, joined);
      }
    }
  }

  const groups = new Map<number, { keys: number; partners: P[] }>();
  keys.forEach((key, position) => {
    const group = groups.get(root(position)) ?? { keys: 0, partners: [] };
    group.keys += 1;
    group.partners.push(...byKey.get(key)!);
    groups.set(root(position), group);
  });
  const byName = (a: P, b: P) => a.name.localeCompare(b.name, 'id') || (a.documentId < b.documentId ? -1 : 1);
  return [...groups.entries()]
    .filter(([, group]) => group.partners.length > 1)
    .map(([rootIndex, group]) => ({
      match: group.keys === 1 ? ('exact' as const) : ('near' as const),
      similarity: group.keys === 1 ? 1 : Math.round((lowest.get(rootIndex) ?? 1) * 100) / 100,
      partners: [...group.partners].sort(byName),
    }))
    .sort((a, b) => byName(a.partners[0], b.partners[0]));
}

/**
 * The kind of institution a name says it is, for a sheet without that column: "PT ... (Persero)"
 * a state enterprise, "PT"/"CV"/"Tbk" a company, "Universitas"/"Politeknik"/"Institut" a
 * university, and so on; anything else `other` (Humas corrects it in the Content Manager).
 */
export function institutionTypeFromName(name: string): InstitutionType {
  const folded = foldText(name);
  const words = new Set(folded.split(' '));
  const has = (...list: string[]) => list.some((word) => words.has(word));
  if (has('persero', 'bumn', 'perum')) return 'state_enterprise';
  if (has('universitas', 'university', 'univ', 'universiti', 'politeknik', 'polytechnic', 'institut', 'institute', 'college', 'akademi') || /sekolah tinggi/.test(folded)) return 'university';
  if (has('smk', 'sma', 'smp', 'sd', 'sekolah', 'school')) return 'school';
  if (has('rs', 'rsud', 'hospital', 'klinik', 'clinic') || /rumah sakit/.test(folded)) return 'hospital';
  if (has('kementerian', 'ministry', 'dinas', 'pemerintah', 'pemkot', 'pemkab', 'pemprov', 'badan', 'kantor', 'government', 'agency')) return 'government';
  if (has('yayasan', 'foundation', 'lsm')) return 'ngo';
  if (has('asosiasi', 'association', 'himpunan', 'ikatan', 'perkumpulan', 'kadin')) return 'association';
  if (has('ukm', 'umkm', 'ud')) return 'msme';
  if (has('pt', 'cv', 'tbk', 'inc', 'ltd', 'llc', 'corp', 'corporation', 'company', 'gmbh', 'pte', 'sdn', 'bhd', 'plc')) return 'industry';
  return 'other';
}
