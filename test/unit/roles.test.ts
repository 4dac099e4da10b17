import { ADMIN_ROLE_NAMES, hasRole, isMemberOfUnit, roleFromAdminRoleNames } from '../../src/domain/roles';

describe('roleFromAdminRoleNames', () => {
  test.each([
    [['Staf Humas'], ['staf_humas']],
    [['Kapokja Humas & Kerjasama'], ['kapokja']],
    [['Direktur'], ['direktur']],
    [['Super Admin'], ['super_admin']],
    [
      ['Staf Humas', 'Direktur'],
      ['staf_humas', 'direktur'],
    ],
    [['Direktur', 'Direktur'], ['direktur']],
    [['Editor', 'Author'], []],
    [['staf humas', 'DIREKTUR'], []],
    [[], []],
  ])('%j -> %j', (names, roles) => {
    expect(roleFromAdminRoleNames(names)).toEqual(roles);
  });

  test('the exact admin role display names', () => {
    expect(ADMIN_ROLE_NAMES).toEqual({
      'Super Admin': 'super_admin',
      'Staf Humas': 'staf_humas',
      'Kapokja Humas & Kerjasama': 'kapokja',
      Direktur: 'direktur',
    });
  });

  test('inherited object keys are not role names', () => {
    expect(roleFromAdminRoleNames(['constructor', 'toString'])).toEqual([]);
  });
});

test('hasRole and isMemberOfUnit', () => {
  const unitUser = { kind: 'user' as const, roles: ['unit' as const], unitIds: [4, '9'] };
  expect(hasRole(unitUser, 'unit')).toBe(true);
  expect(hasRole(unitUser, 'kapokja')).toBe(false);
  expect(isMemberOfUnit(unitUser, '4')).toBe(true);
  expect(isMemberOfUnit(unitUser, 9)).toBe(true);
  expect(isMemberOfUnit(unitUser, 5)).toBe(false);
  expect(isMemberOfUnit(unitUser, null)).toBe(false);
});

test('a record without a unit belongs to no one, whatever the actor\'s list holds', () => {
  const oddIds = { kind: 'user' as const, roles: ['unit' as const], unitIds: ['null', 'undefined'] };
  expect(isMemberOfUnit(oddIds, null)).toBe(false);
  expect(isMemberOfUnit(oddIds, undefined)).toBe(false);
  expect(isMemberOfUnit(oddIds, 'null')).toBe(true);
});
