import http from 'http';
import net from 'net';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { isPostgres, setupStrapi, type TestApp } from '../helpers/strapi';
import { distDir, writeContext } from '../helpers/dist';
import supertest from 'supertest';
import { createListedPartner, transition } from '../helpers/directory-fixtures';
import { adminToken } from '../helpers/auth';
import { asAdmin, buildPlanningWorld, FIXTURE_YEAR } from '../helpers/planning-fixtures';

/**
 * Two instances of the system on one PostgreSQL database: a change committed through one is
 * visible through the other within one second (PostgreSQL LISTEN/NOTIFY), in the public
 * directory and in the planning figures. SQLite has one process
 * per database file, so this file only runs on PostgreSQL (npm run test:pg, and in CI).
 */
const describeOnPostgres = isPostgres ? describe : describe.skip;
if (!isPostgres) {
  console.info('directory-instances.test.ts: skipped on SQLite; it runs on PostgreSQL (npm run test:pg)');
}

const APP_DIR = path.resolve(__dirname, '..', '..');
let app: TestApp;
let other: ChildProcess;
let otherPort: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const listingOfOther = (query = '') =>
  new Promise<{ status: number; data: Array<{ documentId: string; name: string }> }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: otherPort, path: `/api/directory${query}` }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, data: response.statusCode === 200 ? JSON.parse(body).data : [] });
        });
      })
      .on('error', reject);
  });

/** Polls the other instance until the predicate holds; returns how long it took. */
const visibleOnOther = async (holds: (data: Array<{ documentId: string; name: string }>) => boolean, query = '', timeoutMs = 5000) => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (holds((await listingOfOther(query)).data)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Infinity;
};

describeOnPostgres('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    app = await setupStrapi();
    otherPort = await freePort();
    const boot = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(distDir())}, autoReload: false, serveAdminPanel: false }).start()`;
    other = spawn(process.execPath, ['-e', boot], { cwd: APP_DIR, env: { ...process.env, HOST: '127.0.0.1', PORT: String(otherPort) }, stdio: 'inherit' });
    const deadline = Date.now() + 90000;
    for (;;) {
      try {
        if ((await listingOfOther()).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('the second instance did not start');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
  afterAll(async () => {
    if (other && other.exitCode === null) {
      const exited = new Promise((resolve) => other.once('exit', resolve));
      other.kill('SIGTERM');
      await exited;
    }
    await app?.destroy();
  });

  test('a partner listed, renamed and withdrawn through one instance shows through the other within 1 s', async () => {
    await listingOfOther(); // the other instance has prepared its listing: it must drop it

    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Lintas Instans' });
    expect(await visibleOnOther((data) => data.some((p) => p.documentId === partnerId))).toBeLessThan(1000);

    await writeContext().runAsSystem('test', () =>
      app.strapi.documents('api::partner.partner').update({ documentId: partnerId, data: { name: 'PT Lintas Instans Berganti' } as never }),
    );
    expect(await visibleOnOther((data) => data.some((p) => p.name === 'PT Lintas Instans Berganti'))).toBeLessThan(1000);

    await transition(app.strapi, partnerId, 'withdrawn', 'Uji dua instans');
    expect(await visibleOnOther((data) => !data.some((p) => p.documentId === partnerId))).toBeLessThan(1000);
  });

  test("a filtered listing the other instance serves from its front door follows an approval and a withdrawal within 1 s", async () => {
    const query = '?level=international&country=MY';
    // Asked twice: the other instance's front door answers it from its prepared bytes now.
    await listingOfOther(query);
    await listingOfOther(query);

    const { partnerId } = await createListedPartner(app.strapi, { name: 'PT Lintas Saringan Malaysia', level: 'international', country: 'MY' });
    expect(await visibleOnOther((data) => data.some((p) => p.documentId === partnerId), query)).toBeLessThan(1000);
    await transition(app.strapi, partnerId, 'withdrawn', 'Uji dua instans, saringan');
    expect(await visibleOnOther((data) => !data.some((p) => p.documentId === partnerId), query)).toBeLessThan(1000);
  });

  test('achievement figures prepared by the other instance follow a write made through this one within 1 s', async () => {
    const world = await buildPlanningWorld(app.strapi);
    const kapokjaOnOther = asAdmin(() => supertest.agent(`http://127.0.0.1:${otherPort}`), await adminToken(app.strapi, () => supertest.agent(`http://127.0.0.1:${otherPort}`), ['Kapokja Humas & Kerjasama']));
    const created = await kapokjaOnOther.post('/kerjasama/targets', { year: FIXTURE_YEAR, unit: world.units.J2, metric: 'agreements_signed', targetValue: 5 });
    expect(created.status).toBe(201);
    const achievedOnOther = async () => {
      const report = await kapokjaOnOther.get(`/kerjasama/targets?year=${FIXTURE_YEAR}`);
      return (report.body.data.targets as Array<{ documentId: string; achieved: number }>).find((t) => t.documentId === created.body.data.documentId)!.achieved;
    };
    const before = await achievedOnOther(); // prepared on the other instance: it must drop it

    await writeContext().runAsSystem('test', () =>
      app.strapi.documents('api::agreement.agreement').create({
        data: { kind: 'mou', ourNumber: `LINTAS/${Date.now()}`, title: 'Naskah lintas instans', partner: world.partners.PA, units: [world.units.J2], signedDate: `${FIXTURE_YEAR}-08-01`, startDate: `${FIXTURE_YEAR}-08-01`, endDate: `${FIXTURE_YEAR + 2}-07-31` } as never,
      }),
    );
    const started = Date.now();
    while ((await achievedOnOther()) !== before + 1 && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
