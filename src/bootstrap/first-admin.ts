import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';

const DEV_ADMIN_EMAIL = 'admin@kerjasama.local';

/** A password that meets Strapi's admin rules (length, upper, lower, digit). */
const generatePassword = () => `Ks-${randomBytes(9).toString('base64url')}9a`;

/**
 * The first Super Admin comes from ADMIN_EMAIL / ADMIN_PASSWORD. In development, when they are
 * unset and no admin exists, one is created and its credentials are printed this once.
 */
export const ensureFirstAdmin = async (strapi: Core.Strapi) => {
  const userService = strapi.service('admin::user');
  if (await userService.exists()) return;

  const fromEnv = process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD;
  const isDevelopment = (process.env.NODE_ENV ?? 'development') === 'development';
  if (!fromEnv && !isDevelopment) return;

  const email = process.env.ADMIN_EMAIL || DEV_ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD || generatePassword();
  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdminRole) return;

  await userService.create({
    email,
    firstname: 'Admin',
    lastname: 'Kerjasama',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });

  if (!fromEnv) {
    const line = '='.repeat(72);
    // Printed once, on the boot that creates the account; never stored in plain text.
    console.log(
      `\n${line}\n Akun admin pertama dibuat (First admin account created)\n` +
        `   URL:      /admin\n   Email:    ${email}\n   Password: ${password}\n` +
        ` Simpan kata sandi ini; tidak akan ditampilkan lagi (Keep this password; it is not shown again)\n${line}\n`,
    );
  } else {
    strapi.log.info(`First admin account created for ${email}`);
  }
};
