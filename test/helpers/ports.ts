/**
 * A browser test's fixed port (its PUBLIC_URL is known before boot), moved by TEST_PORT_OFFSET so
 * that two runs on one machine (CI runs the SQLite and PostgreSQL suites side by side) never share one.
 */
export const testPort = (base: number): number => base + Number(process.env.TEST_PORT_OFFSET ?? 0);
