import { ADMIN_ROLE_CODES, ADMIN_ROLE_NAMES, adminRoleCodesFor, hasRole, isMemberOfUnit, rolesFromAdminRoleCodes } from '../../src/domain/roles';
import { ADMIN_ROLES } from '../../src/bootstrap/roles';

describe('rolesFromAdminRoleCodes', () => {
  test.each([
    [['kerjasama-staf-humas'], ['staf_humas']],
    [['kerjasama-kapokja'], ['kapokja']],
    [['kerjasama-direktur'], ['direktur']],
    [['strapi-super-admin'], ['super_admin']],
    [
      ['kerjasama-staf-humas', 'kerjasama-direktur'],
      ['staf_humas', 'direktur'],
    ],
    [['kerjasama-direktur', 'kerjasama-direktur'], ['direktur']],
    [['strapi-editor', 'strapi-author'], []],
    // Display names, or codes Strapi generated for older roles, grant nothing.
    [['Direktur', 'Staf Humas', 'direktur-1a2b3c'], []],
    [['KERJASAMA-DIREKTUR', null, undefined], []],
    [[], []],
  ])('%j -> %j', (codes, roles) => {
    expect(rolesFromAdminRoleCodes(codes)).toEqual(roles);
  });

  test('the exact admin role codes, and bootstrap creates each office role with its code', () => {
    expect(ADMIN_ROLE_CODES).toEqual({
      'strapi-super-admin': 'super_admin',
      'kerjasama-staf-humas': 'staf_humas',
      'kerjasama-kapokja': 'kapokja',
      'kerjasama-direktur': 'direktur',
    });
    expect(Object.values(ADMIN_ROLES).map((role) => [role.code, role.name])).toEqual([
      ['kerjasama-staf-humas', 'Staf Humas'],
      ['kerjasama-kapokja', 'Kapokja Humas & Kerjasama'],
      ['kerjasama-direktur', 'Direktur'],
    ]);
  });

  test('adminRoleCodesFor is the inverse', () => {
    expect(adminRoleCodesFor('direktur')).toEqual(['kerjasama-direktur']);
    expect(adminRoleCodesFor('super_admin')).toEqual(['strapi-super-admin']);
    expect(adminRoleCodesFor('unit')).toEqual([]);
  });

  test('the display names the roles are created with (labels only)', () => {
    expect(ADMIN_ROLE_NAMES).toEqual({
      'Super Admin': 'super_admin',
      'Staf Humas': 'staf_humas',
      'Kapokja Humas & Kerjasama': 'kapokja',
      Direktur: 'direktur',
    });
  });

  test('inherited object keys are not role codes', () => {
    expect(rolesFromAdminRoleCodes(['constructor', 'toString', '__proto__'])).toEqual([]);
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
