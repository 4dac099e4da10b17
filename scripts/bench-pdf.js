#!/usr/bin/env node
/**
 * PDF / DOCX render time of the issued documents, in this process, without a database: the
 * FO.28.2.1 report of a busy year (synthetic figures: 60 targets, 40 late or cancelled items,
 * 6 proposal channels, a survey), with a document number and QR code as when issued.
 * Prints the first (cold) render and p50 / p95 of the next ones beside the 1 s goal.
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/x   (or any compiled copy: BENCH_DIST, default ./dist)
 *   BENCH_DIST=/work/dist-documents node scripts/bench-pdf.js [runs=15]
 */
const path = require('path');

const DIST = path.resolve(process.env.BENCH_DIST || path.join(__dirname, '..', 'dist'));
const RUNS = Number(process.argv[2]) || 15;
const { renderEvaluation } = require(path.join(DIST, 'src', 'documents', 'evaluation', 'formats'));
const { evaluationFigures, proposalFigures, programFigures } = require(path.join(DIST, 'src', 'domain', 'evaluation'));
const { METRIC_DEFINITIONS, TARGET_METRICS } = require(path.join(DIST, 'src', 'domain', 'achievement'));

const year = 2026;
const yearFigures = (y, scale) => {
  const targets = Array.from({ length: 60 }, (_, i) => {
    const metric = TARGET_METRICS[i % TARGET_METRICS.length];
    return { metric, labels: METRIC_DEFINITIONS[metric].labels, unit: `Unit ${i % 12}`, cooperationType: `Jenis ${i % 7}`, partnerLevel: i % 3 ? 'national' : 'international', target: 10 + i, achieved: 5 + ((i * 7) % 20), percent: 50 + (i % 60) };
  });
  const items = Array.from({ length: 120 }, (_, i) => ({ title: `Butir program ${i} kerja sama industri`, state: ['planned', 'in_progress', 'done', 'cancelled'][i % 4], plannedEnd: `${y}-0${1 + (i % 9)}-15`, reason: i % 4 === 3 ? `Alasan pembatalan ${i}: mitra menunda kegiatan` : null }));
  return {
    year: y,
    reference: `${y}-12-31`,
    targets: { overall: 81.5, rollUp: TARGET_METRICS.map((metric, i) => ({ metric, labels: targets.find((t) => t.metric === metric)?.labels ?? { id: metric, en: metric }, target: 100 * scale, achieved: 80 * scale + i, percent: 80, targetBasis: 'institution' })), targets },
    program: programFigures(`Program Kerjasama ${y}`, items, `${y}-12-31`),
    agreements: { signed: 1200 * scale, inForce: 40000 * scale, expiring: 900, expired: 1100, renewed: 300, terminated: 40, dormant: 2500 },
    monitoring: { records: 30000, activities: 90000, studentParticipants: 120000, lecturerParticipants: 9000, studentsWithCredits: 15000, creditsRecognised: 300000, certificates: 20000 },
    proposals: proposalFigures(['call_for_proposals', 'internal_meeting', 'unit_meeting', 'humas_initiative', 'partner_initiative', 'other'].flatMap((channel) => ['approved', 'rejected', 'submitted'].map((state, i) => ({ channel, state, count: 10 + i })))),
    survey: { title: `Survei Kepuasan Mitra ${y}`, scaleMax: 5, invited: 800, answered: 412, responseRate: 51.5, index: 82.4, mean: 4.12, dimensions: ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'].map((dimension, i) => ({ dimension, labels: { id: dimension, en: dimension }, mean: 4 + i / 10, index: 80 + i, n: 800 })), byPartnerLevel: ['international', 'local_regional', 'national'].map((level, i) => ({ level, responses: 100 + i, mean: 4, index: 80 })) },
  };
};
const figures = evaluationFigures(yearFigures(year, 1), yearFigures(year - 1, 0.9), new Date().toISOString());
const record = { year, findings: 'Temuan. '.repeat(200), problems: 'Masalah. '.repeat(150), recommendations: 'Rekomendasi. '.repeat(150), workflowState: 'final', finalizedAt: new Date().toISOString() };
const hooks = { documentNumber: `KS/FO.28.2.1/${year}/0001`, verifyUrl: `http://127.0.0.1:1337/verifikasi/KS/FO.28.2.1/${year}/0001` };

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;

(async () => {
  let cache = 'n/a';
  try { cache = String(require(path.join(DIST, 'src', 'documents', 'render', 'font-cache')).fontCacheInstalled); } catch { /* a build without it */ }
  console.log(`FO.28.2.1 render, ${RUNS} runs after a first (cold) one, from ${DIST} (fonts parsed once per process: ${cache})\n`);
  for (const format of ['pdf', 'docx']) {
    // Wall time, and this process's CPU time (user + system), which other work on the machine disturbs less.
    const time = async () => {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const bytes = await renderEvaluation(format, figures, record, hooks);
      const used = process.cpuUsage(cpu);
      return { elapsed: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000, size: bytes.length };
    };
    const cold = await time();
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await time());
    const wall = runs.map((run) => run.elapsed);
    const cpu = runs.map((run) => run.cpu);
    const p95 = percentile(wall, 95);
    console.log(`| ${format.padEnd(4)} | cold ${ms(cold.elapsed)} (cpu ${ms(cold.cpu)}) | p50 ${ms(percentile(wall, 50))} (cpu ${ms(percentile(cpu, 50))}) | p95 ${ms(p95)} (cpu ${ms(percentile(cpu, 95))}) | ${(cold.size / 1024).toFixed(0)} KB | ${p95 <= 1000 ? 'met' : 'MISSED'} ≤ 1000 ms |`);
  }
})();
