import { buildDirectory, countryLabel, filterDirectory, parseDirectoryQuery, searchKey, type DirectoryAgreementInput, type DirectoryPartnerInput } from '../../src/domain/directory';

const partner = (documentId: string, name: string, extra: Partial<DirectoryPartnerInput> = {}): DirectoryPartnerInput => ({
  documentId, name, institutionType: 'industry', level: 'national', country: 'ID', city: null, website: null, logoUrl: null, publicDescription: null, ...extra,
});
const agreement = (partnerDocumentId: string, extra: Partial<DirectoryAgreementInput> = {}): DirectoryAgreementInput => ({
  partnerDocumentId, kind: 'mou', active: true, began: '2020-05-01', cooperationTypes: [], units: [], ...extra,
});
const catalogue = { cooperationTypes: [{ code: 'MAGANG', name: 'Magang', nameEn: 'Internship' }], units: [{ code: 'IF', name: 'Informatika', nameEn: null }] };
const known = { cooperationTypes: new Set(['MAGANG']), units: new Set(['IF']) };

describe('buildDirectory', () => {
  const directory = buildDirectory(
    [partner('b', 'Zeta Corp'), partner('a', 'Ãlpha Uni', { institutionType: 'university', level: 'international', country: 'JP' })],
    [
      agreement('a', { kind: 'moa', cooperationTypes: ['MAGANG'], units: ['IF'] }),
      agreement('a', { kind: 'mou', active: false, began: '2012-01-10', cooperationTypes: ['OLD'] }),
      agreement('a', { kind: 'contract' }),
      agreement('b', { kind: 'ia', began: null }),
    ],
    catalogue,
  );

  test('partners are sorted by name; kinds, types and units come from active agreements only; since from all', () => {
    expect(directory.data.map((p) => p.documentId)).toEqual(['a', 'b']);
    expect(directory.data[0]).toMatchObject({ agreementKinds: ['moa'], cooperationTypes: ['MAGANG'], units: ['IF'], since: 2012 });
    expect(directory.data[1]).toMatchObject({ agreementKinds: ['ia'], since: null });
  });

  test('counts and bilingual labels', () => {
    expect(directory.meta.counts).toEqual({ level: { international: 1, national: 1 }, institutionType: { industry: 1, university: 1 }, country: { ID: 1, JP: 1 } });
    expect(directory.meta.labels.cooperationType).toEqual({ MAGANG: { id: 'Magang', en: 'Internship' } });
    expect(directory.meta.labels.unit).toEqual({ IF: { id: 'Informatika', en: 'Informatika' } });
    expect(directory.meta.labels.country.JP).toEqual({ id: 'Jepang', en: 'Japan' });
  });

  test('filters narrow and recount; the search folds case and accents', () => {
    const filtered = filterDirectory(directory, { q: 'alpha' });
    expect(filtered.data.map((p) => p.documentId)).toEqual(['a']);
    expect(filtered.meta.total).toBe(1);
    expect(filtered.meta.counts.country).toEqual({ JP: 1 });
    expect(filterDirectory(directory, { unit: 'IF', level: 'national' }).data).toEqual([]);
    expect(searchKey('Ãlpha')).toBe('alpha');
  });
});

describe('parseDirectoryQuery', () => {
  test.each([
    [{ level: 'national' }, { level: 'national' }],
    [{ q: '  kapal ', country: 'JP' }, { country: 'JP', q: 'kapal' }],
    [{ cooperationType: 'MAGANG', unit: 'IF' }, { cooperationType: 'MAGANG', unit: 'IF' }],
    [{ populate: '*', filters: { internalNotes: { $contains: 'x' } }, 'sort[0]': 'name' }, {}],
    [{ level: '' }, {}],
  ])('%j is accepted as %j', (query, filters) => {
    expect(parseDirectoryQuery(query, known)).toEqual({ ok: true, filters });
  });

  test.each([
    [{ colour: 'red' }, 'colour'],
    [{ level: 'galactic' }, 'level'],
    [{ institutionType: 'x' }, 'institutionType'],
    [{ country: 'XX' }, 'country'],
    [{ cooperationType: 'NOPE' }, 'cooperationType'],
    [{ unit: 'NOPE' }, 'unit'],
    [{ q: 'a'.repeat(101) }, 'q'],
    [{ level: ['national', 'international'] }, 'level'],
  ])('%j is refused naming %s', (query, parameter) => {
    const parsed = parseDirectoryQuery(query, known);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors[0].path).toEqual([parameter]);
      expect(parsed.errors[0].message).toMatch(/\(.*\)$/);
    }
  });

  test('country codes are ISO 3166-1 alpha-2', () => {
    expect(countryLabel('ID')).toEqual({ id: 'Indonesia', en: 'Indonesia' });
    expect(countryLabel('id')).toBeNull();
    expect(countryLabel('ZZ')).toBeNull();
  });
});
