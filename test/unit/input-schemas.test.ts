import type { z } from 'zod';
import { fieldErrorsOf } from '../../src/contracts/schemas/fields';
import { DOCUMENT_FORMATS, recapQuery } from '../../src/contracts/schemas/documents';
import { mappingCellBody, programItemUpdateBody, targetCreateBody, targetUpdateBody, yearQuery } from '../../src/contracts/schemas/planning';
import { transitionBody } from '../../src/contracts/schemas/workflow';
import { EVALUATION_FORMATS } from '../../src/documents/evaluation/formats';
import { MINUTES_FORMATS } from '../../src/documents/minutes/render';
import { RECAP_FORMATS } from '../../src/documents/monitoring-recap/service';
import { TABULAR_FORMATS } from '../../src/documents/issued/tabular';

/** The paths a schema refuses in `value` ([] when it accepts it). */
const refused = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldErrorsOf(result.error).map((error) => error.path.join('.'));
};

describe('input schemas of the plugin routes', () => {
  test.each([[2026, true], ['2026', true], [1999, false], [2101, false], ['20x6', false], [2026.5, false], [null, false], ['', false]])('year %p valid: %p', (value, ok) => {
    expect(refused(yearQuery, { year: value })).toEqual(ok ? [] : ['year']);
  });

  test('a missing ?year= is this year', () => {
    expect(yearQuery.parse({}).year).toBe(new Date().getFullYear());
  });

  test('priority and target value, one error per field with its bilingual message', () => {
    expect(refused(mappingCellBody, { year: 2026, unit: 'u', cooperationType: 't', priority: 'high' })).toEqual([]);
    expect(refused(mappingCellBody, { year: 2026, unit: 'u', cooperationType: 't', priority: 'urgent' })).toEqual(['priority']);
    expect(refused(targetUpdateBody, { targetValue: 0 })).toEqual([]);
    expect(refused(targetUpdateBody, { targetValue: -1 })).toEqual(['targetValue']);
    const result = targetUpdateBody.safeParse({ targetValue: 1.5 });
    expect(result.success || fieldErrorsOf(result.error)).toEqual([{ path: ['targetValue'], message: 'Nilai target harus bilangan bulat 0–1000000 (The target value must be a whole number from 0 to 1000000)' }]);
  });

  test('references: missing, not text, empty', () => {
    expect(fieldErrorsOf(mappingCellBody.safeParse({ year: 2026, cooperationType: 't', priority: 'low' }).error!)[0].message).toMatch(/^Unit wajib diisi/);
    expect(fieldErrorsOf(mappingCellBody.safeParse({ year: 2026, unit: 4, cooperationType: 't', priority: 'low' }).error!)[0].message).toMatch(/^Unit tidak ditemukan/);
    expect(targetCreateBody.parse({ year: 2026, metric: 'agreements_signed', targetValue: 1, unit: '', partnerLevel: '' })).toMatchObject({ unit: null, partnerLevel: null });
    expect(refused(programItemUpdateBody, { units: ['a', 3] })).toEqual(['units.1']);
  });

  test('an edit reads only what is sent; a title is trimmed and required when sent', () => {
    expect(programItemUpdateBody.parse({ quarter: 'Q2' })).toEqual({ quarter: 'Q2' });
    expect(programItemUpdateBody.parse({ title: '  Magang  ', quarter: '' })).toEqual({ title: 'Magang', quarter: null });
    expect(refused(programItemUpdateBody, { title: '   ' })).toEqual(['title']);
  });

  test('a workflow move', () => {
    expect(refused(transitionBody, {})).toEqual(['to']);
    expect(refused(transitionBody, { to: 'submitted', reason: 7, from: null })).toEqual(['reason', 'from']);
    expect(refused(transitionBody, { to: 'submitted', reason: 'x'.repeat(2001) })).toEqual(['reason']);
  });

  test('the monitoring recap: year from the query, period defaults to the year', () => {
    expect(recapQuery.parse({ year: '2026', unit: 'u' })).toEqual({ year: 2026, period: 'year', unit: 'u' });
    expect(refused(recapQuery, { period: 'Q3', unit: 'u' })).toEqual(['year', 'period']);
  });

  test("the formats a route accepts are the renderers' formats", () => {
    expect([...DOCUMENT_FORMATS.minutes]).toEqual([...MINUTES_FORMATS]);
    expect([...DOCUMENT_FORMATS.recap]).toEqual([...RECAP_FORMATS]);
    expect([...DOCUMENT_FORMATS.evaluation]).toEqual([...EVALUATION_FORMATS]);
    expect([...DOCUMENT_FORMATS.tabular]).toEqual([...TABULAR_FORMATS]);
  });
});
