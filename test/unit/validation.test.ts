import { checkDateRange, checkUnitParent, UnitKind } from '../../src/domain/validation';

describe('checkDateRange', () => {
  test.each([
    ['2025-01-01', '2025-12-31', []],
    ['2025-01-01', '2025-01-01', []],
    ['2025-01-02', '2025-01-01', ['dueDate']],
    [null, '2025-01-01', []],
    ['2025-01-01', undefined, []],
    ['', '', []],
    ['2025-02-30', '2025-03-01', ['scheduledFrom']],
    ['2025-01-01', '31-12-2025', ['dueDate']],
  ])('%j .. %j -> %j', (start, end, paths) => {
    const errors = checkDateRange('scheduledFrom', start, 'dueDate', end);
    expect(errors.map((e) => e.path.join('.'))).toEqual(paths);
  });

  test('the message shows both dates, Indonesian first', () => {
    expect(checkDateRange('start', '2025-01-02', 'end', '2025-01-01')).toEqual([
      {
        path: ['end'],
        message:
          'Tanggal akhir 2025-01-01 tidak boleh sebelum tanggal mulai 2025-01-02 ' +
          '(The end date 2025-01-01 cannot be before the start date 2025-01-02)',
      },
    ]);
  });
});

describe('checkUnitParent', () => {
  const kinds: Array<UnitKind | null> = [null, 'directorate', 'department', 'study_program', 'office'];
  const allowedParents: Record<UnitKind, Array<UnitKind | null>> = {
    directorate: [null],
    department: [null, 'directorate'],
    office: [null, 'directorate'],
    study_program: ['department'],
  };
  const cases = (Object.keys(allowedParents) as UnitKind[]).flatMap((kind) =>
    kinds.map((parentKind) => [kind, parentKind, allowedParents[kind].includes(parentKind)] as const),
  );

  test.each(cases)('a %s under %s: allowed = %s', (kind, parentKind, allowed) => {
    const errors = checkUnitParent({ kind, parentKind });
    expect(errors.map((e) => e.path)).toEqual(allowed ? [] : [['parent']]);
  });

  test.each([
    [
      'study_program',
      null,
      'Program studi harus berada di bawah jurusan (The study program must belong to a department)',
    ],
    [
      'study_program',
      'directorate',
      'Program studi tidak boleh berada di bawah direktorat, hanya di bawah jurusan ' +
        '(The study program cannot belong to a directorate, only to a department)',
    ],
    ['directorate', 'office', 'Direktorat tidak boleh memiliki unit induk (The directorate cannot have a parent unit)'],
    [
      'office',
      'department',
      'Unit kerja tidak boleh berada di bawah jurusan, hanya di bawah direktorat ' +
        '(The office cannot belong to a department, only to a directorate)',
    ],
  ] as const)('message for a %s under %s', (kind, parentKind, message) => {
    expect(checkUnitParent({ kind, parentKind })).toEqual([{ path: ['parent'], message }]);
  });
});
