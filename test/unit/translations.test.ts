import fs from 'fs';
import path from 'path';

/**
 * The admin plugin's two languages (issue 14): en.json and id.json carry the same keys, every
 * key the pages ask for is in both, and a page that passes its Indonesian and English texts
 * beside a key (`tr(key, id, en)`) says the same as the files, so neither language falls back
 * to the other or to a code on screen.
 */
const ADMIN = path.resolve(__dirname, '..', '..', 'plugins', 'kerjasama', 'admin', 'src');
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(ADMIN, 'translations', `${locale}.json`), 'utf8')) as Record<string, string>;
const en = read('en');
const id = read('id');

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

interface Use { file: string; key: string; id?: string; en?: string }
const QUOTED = String.raw`'((?:[^'\\]|\\.)*)'`;
const uses: Use[] = sources(ADMIN).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const name = path.relative(ADMIN, file);
  return [
    ...[...text.matchAll(new RegExp(String.raw`\btr\(\s*'([\w.]+)',\s*${QUOTED},\s*${QUOTED}`, 'g'))].map((m) => ({ file: name, key: m[1], id: m[2], en: m[3] })),
    ...[...text.matchAll(/\bt\('([\w.]+)'\)/g)].map((m) => ({ file: name, key: m[1] })),
    ...[...text.matchAll(/(?:titleKey="|\bkey: ')([\w.]+)/g)].map((m) => ({ file: name, key: m[1] })),
  ];
});

describe('admin translations', () => {
  test('en.json and id.json have the same keys', () => {
    const onlyEn = Object.keys(en).filter((key) => !(key in id));
    const onlyId = Object.keys(id).filter((key) => !(key in en));
    expect({ onlyEn, onlyId }).toEqual({ onlyEn: [], onlyId: [] });
  });

  test('no translation is empty', () => {
    expect(Object.entries({ ...en }).filter(([, value]) => !value.trim()).map(([key]) => `en ${key}`)).toEqual([]);
    expect(Object.entries({ ...id }).filter(([, value]) => !value.trim()).map(([key]) => `id ${key}`)).toEqual([]);
  });

  test('the pages ask for keys, and every key they ask for is in both files', () => {
    expect(uses.length).toBeGreaterThan(100);
    for (const page of ['pages/SurveyPage.tsx', 'pages/ParticipationPage.tsx', 'pages/RetentionPage.tsx', 'planning/ui.tsx']) {
      expect(uses.some((use) => use.file === page)).toBe(true);
    }
    const missing = uses.filter((use) => !(use.key in en) || !(use.key in id)).map((use) => `${use.file}: ${use.key}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  test('the texts written beside a key say what the files say', () => {
    const differing = uses
      .filter((use) => use.id !== undefined && (id[use.key] !== use.id || en[use.key] !== use.en))
      .map((use) => `${use.file}: ${use.key} "${use.id}" / "${use.en}" but the files say "${id[use.key]}" / "${en[use.key]}"`);
    expect(differing).toEqual([]);
  });

  test('the plugin pages have no fixed "Indonesian (English)" texts of their own', () => {
    // Labels are picked in the admin's language (useT().pick / tr), not glued in both.
    for (const page of ['pages/SurveyPage.tsx', 'pages/ParticipationPage.tsx', 'pages/RetentionPage.tsx']) {
      const text = fs.readFileSync(path.join(ADMIN, page), 'utf8');
      expect({ page, glued: /\bbilingual\(|`\$\{id\} \(\$\{en\}\)`/.test(text) }).toEqual({ page, glued: false });
    }
  });
});
