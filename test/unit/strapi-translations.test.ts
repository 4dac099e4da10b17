import fs from 'fs';
import path from 'path';
import strapiId from '../../src/admin/translations/strapi-id.json';

/**
 * Strapi's own admin texts in Indonesian (issue 14). Strapi 5.54 ships Indonesian for under half of
 * its core admin and Content Manager keys; src/admin/translations/strapi-id.json supplies the
 * missing ones the office meets and src/admin/app.tsx passes it as `config.translations.id`, which
 * the admin spreads last over Strapi's id file and the plugins' registered files (StrapiApp.loadTrads).
 * The Content Manager registers its file with every key prefixed `content-manager.`
 * (prefixPluginTranslations(data, 'content-manager')), so those keys are written with the prefix.
 */
const ROOT = path.resolve(__dirname, '..', '..');
type Messages = Record<string, string>;
const load = (file: string): Messages => {
  // The packages' `exports` do not list these files; they are CommonJS modules read by path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.join(ROOT, 'node_modules', file)) as { default?: Messages } & Messages;
  return (loaded.default ?? loaded) as Messages;
};
const ADMIN = '@strapi/admin/dist/admin/admin/src/translations';
const CM = '@strapi/content-manager/dist/admin/translations';
const adminEn = load(`${ADMIN}/en.json.js`);
const adminId = load(`${ADMIN}/id.json.js`);
const cmEn = load(`${CM}/en.json.js`);
const cmId = load(`${CM}/id.json.js`);
const ours: Messages = strapiId;

const CM_PREFIX = 'content-manager.';
/** A key of ours → the English and Strapi's Indonesian it stands beside. */
const source = (key: string) =>
  key.startsWith(CM_PREFIX) ? { en: cmEn[key.slice(CM_PREFIX.length)], id: cmId[key.slice(CM_PREFIX.length)] } : { en: adminEn[key], id: adminId[key] };
const blank = (text: unknown) => typeof text !== 'string' || !text.trim();

/**
 * Keys Strapi's id file already translates that strapi-id.json replaces, each with its reason.
 * Anything else already in Strapi's Indonesian is Strapi's to keep.
 */
const OVERRIDES: Record<string, string> = {
  // Strapi's id renames the placeholders ({syarat}, {kebijakan}): the links would not render.
  'Auth.form.register.news.label': 'placeholders renamed in Strapi id',
  // Left in English by Strapi's id, and without the {number} of users.
  'Settings.roles.form.button.users-with-role': 'English, count dropped',
  // Left in English by Strapi's id.
  'app.components.Users.SortPicker.sortby.email_asc': 'English',
  'app.components.Users.SortPicker.sortby.email_desc': 'English',
  // The Content Manager's Publish / Unpublish buttons: "Terbit" / "Batal terbit" are not
  // imperatives; the office's terms are "Terbitkan" / "Batalkan penerbitan" (as in
  // Settings.roles.form.permissions.publish and the new dialogs).
  'app.utils.publish': 'imperative "Terbitkan"',
  'app.utils.unpublish': 'imperative "Batalkan penerbitan"',
  // Left in English by Strapi's id; "Jenis Koleksi" is what its left menu says.
  'content-manager.containers.SettingsPage.Block.contentType.title': 'English',
  // Strapi's id drops the limit ({max} / {min}) the English gives; minLength is also left in English.
  'content-manager.error.validation.max': 'limit dropped',
  'content-manager.error.validation.maxLength': 'limit dropped',
  'content-manager.error.validation.min': 'limit dropped',
  'content-manager.error.validation.minLength': 'English, limit dropped',
  // Left in English by Strapi's id ("My awesome value").
  'content-manager.form.Input.placeholder.placeholder': 'English',
};

/** Texts of more than one word that are the same in Indonesian, each with its reason. */
const SAME_AS_ENGLISH: Record<string, string> = {
  // The name of Strapi's built-in role, as the roles list shows it.
  'Settings.permissions.users.strapi-super-admin': 'role name',
  // Values of the HTML rel and target attributes, typed as they are.
  'components.Blocks.popover.link.rel.placeholder': 'HTML attribute values',
  'components.Blocks.popover.link.target.placeholder': 'HTML attribute values',
};

/**
 * The core admin keys a person of the office meets, by scope; the Content Manager's are all met.
 * `other` are single texts outside those scopes seen on every page (error page, session ended,
 * table row actions, the profile's active devices).
 */
const SCOPES: Record<string, RegExp> = {
  'global.': /^global\./,
  'components.': /^components\./,
  'app.components.': /^app\.components\./,
  'app.utils.': /^app\.utils\./,
  'notification.': /^notification\./,
  'form.': /^form\./,
  'Auth.': /^Auth\./,
  'Settings.profile.': /^Settings\.profile\./,
  'Settings.permissions.': /^Settings\.permissions\./,
  'Settings.roles.': /^Settings\.roles\./,
  // Strapi 5.54 has no `Settings.users.` keys: the Users settings pages read these.
  'Settings.users.': /^(Settings\.users\.|app\.containers\.Users\.|Users\.)/,
  other:
    /^(Settings\.sessions\.|Roles\.RoleRow\.|app\.(component|error|page|session|confirm|HeaderLayout)\.|(anErrorOccurred|clearLabel|coming\.soon|dark|light|noPreview|or|selectButtonTitle|skipToContent|submit)$)/,
};

/**
 * Not met by the office, so left to Strapi's English: marketplace, Strapi Cloud, guided tours,
 * feedback survey (telemetry), trial and upsell banners, and features of paid plans (audit logs, SSO,
 * seat limits).
 */
const SKIPPED =
  /^(global\.(marketplace|auditLogs)$|components\.premiumFeature\.|app\.components\.(BlockLink\.cloud|FreeTrial|GuidedTour|LeftMenu\.trialCountdown\.|NpsSurvey\.|UpsellBanner\.|Users\.MagicLink\.connect\.sso)|notification\.ee\.|Settings\.permissions\.(auditLogs\.|users\.(form\.sso|sso\.)))/;

/* ICU messages: the arguments, plural/select structure, tags and literal text of one message. */
interface Parsed { args: Set<string>; structures: string[]; tags: string[]; literal: string }

const parseMessage = (message: string): Parsed => {
  const parsed: Parsed = { args: new Set(), structures: [], tags: [], literal: '' };
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (at < message.length && /\s/.test(message[at])) at += 1;
  };
  const word = () => {
    const start = at;
    while (at < message.length && !/[\s,{}]/.test(message[at])) at += 1;
    return message.slice(start, at);
  };
  /** Text up to `}` (depth > 0), `</` (inside a tag) or the end. */
  const body = (depth: number, inPlural: boolean, tag?: string): void => {
    while (at < message.length) {
      const char = message[at];
      if (char === '}') {
        if (depth === 0) fail('unmatched }');
        return;
      }
      if (char === '{') {
        at += 1;
        argument(depth, inPlural);
        continue;
      }
      if (char === '<' && message[at + 1] === '/') {
        if (!tag) fail('unmatched closing tag');
        const close = `</${tag}>`;
        if (!message.startsWith(close, at)) fail(`expected ${close}`);
        at += close.length;
        return;
      }
      if (char === '<' && /[A-Za-z]/.test(message[at + 1] ?? '')) {
        const open = /^<([A-Za-z][\w-]*)>/.exec(message.slice(at));
        if (!open) fail('malformed tag');
        parsed.tags.push(open![1]);
        at += open![0].length;
        body(depth, inPlural, open![1]);
        continue;
      }
      if (char === "'") {
        const next = message[at + 1];
        if (next === "'") {
          parsed.literal += "'";
          at += 2;
          continue;
        }
        if (next !== undefined && ('{}<>'.includes(next) || (inPlural && next === '#'))) {
          at += 1;
          while (at < message.length) {
            if (message[at] === "'" && message[at + 1] === "'") {
              parsed.literal += "'";
              at += 2;
            } else if (message[at] === "'") {
              at += 1;
              break;
            } else {
              parsed.literal += message[at];
              at += 1;
            }
          }
          continue;
        }
      }
      if (char === '#' && inPlural) {
        at += 1;
        continue;
      }
      parsed.literal += char;
      at += 1;
    }
    if (depth > 0) fail('unclosed {');
    if (tag) fail(`unclosed <${tag}>`);
  };
  /** After `{`: `name}`, `name, type}`, `name, type, style}` or `name, plural|select, options}`. */
  const argument = (depth: number, inPlural: boolean) => {
    skipSpace();
    const name = word();
    if (!name) fail('argument without a name');
    parsed.args.add(name);
    skipSpace();
    if (message[at] === '}') {
      at += 1;
      return;
    }
    if (message[at] !== ',') fail('expected , or }');
    at += 1;
    skipSpace();
    const type = word();
    skipSpace();
    if (['plural', 'select', 'selectordinal'].includes(type)) {
      if (message[at] !== ',') fail(`expected the options of ${type}`);
      at += 1;
      const selectors: string[] = [];
      for (;;) {
        skipSpace();
        if (message[at] === '}') {
          at += 1;
          break;
        }
        const selector = word();
        if (!selector) fail('expected a selector');
        skipSpace();
        if (selector.startsWith('offset:')) continue;
        selectors.push(selector);
        if (message[at] !== '{') fail(`expected { after ${selector}`);
        at += 1;
        body(depth + 1, type !== 'select' || inPlural);
        at += 1; // the option's }
      }
      parsed.structures.push(`${name}:${type}[${selectors.join('|')}]`);
      return;
    }
    if (message[at] === ',') {
      // A number, date or time style: up to the closing brace.
      while (at < message.length && message[at] !== '}') at += 1;
    }
    if (message[at] !== '}') fail('unclosed argument');
    at += 1;
  };
  body(0, false);
  return parsed;
};

const wordsOf = (literal: string) => literal.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
const sorted = (values: Iterable<string>) => [...values].sort();

describe("Strapi's admin texts in Indonesian", () => {
  const keys = Object.keys(ours);

  test('the file is wired as the admin config.translations.id', () => {
    const app = fs.readFileSync(path.join(ROOT, 'src', 'admin', 'app.tsx'), 'utf8');
    expect(app).toMatch(/import strapiId from '\.\/translations\/strapi-id\.json';/);
    expect(app).toMatch(/translations: \{ id: strapiId \}/);
  });

  test('every key is one of Strapi’s (Content Manager keys against its own en file)', () => {
    expect(keys.length).toBeGreaterThan(400);
    expect(keys.filter((key) => source(key).en === undefined)).toEqual([]);
  });

  test('Strapi’s own Indonesian is replaced only where the allow-list says why', () => {
    const replaced = keys.filter((key) => !blank(source(key).id));
    expect(sorted(replaced)).toEqual(sorted(Object.keys(OVERRIDES)));
  });

  test('every text is non-empty and not left in English', () => {
    expect(keys.filter((key) => blank(ours[key]))).toEqual([]);
    const english = keys.filter((key) => {
      const en = parseMessage(source(key).en).literal.trim();
      return wordsOf(en).length > 1 && parseMessage(ours[key]).literal.trim() === en && !(key in SAME_AS_ENGLISH);
    });
    expect(english).toEqual([]);
    // The allow-list names only texts that really are the same.
    expect(Object.keys(SAME_AS_ENGLISH).filter((key) => ours[key] !== source(key).en)).toEqual([]);
  });

  test('every placeholder, plural/select and tag of the English is kept, and none added', () => {
    const differing = keys.flatMap((key) => {
      const en = parseMessage(source(key).en);
      let id: Parsed;
      try {
        id = parseMessage(ours[key]);
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
      const shape = (parsed: Parsed) => ({ args: sorted(parsed.args), structures: sorted(parsed.structures), tags: sorted(parsed.tags) });
      return JSON.stringify(shape(en)) === JSON.stringify(shape(id)) ? [] : [`${key}: ${JSON.stringify(shape(en))} vs ${JSON.stringify(shape(id))}`];
    });
    expect(differing).toEqual([]);
  });

  test('the parser reads arguments, nested plurals, quotes and tags', () => {
    const parsed = parseMessage("<b>{count}</b> {count, plural, one {# {item} ''x''} other {'{'none'}'}} {at, date, short}");
    expect(sorted(parsed.args)).toEqual(['at', 'count', 'item']);
    expect(parsed.structures).toEqual(['count:plural[one|other]']);
    expect(parsed.tags).toEqual(['b']);
    expect(parsed.literal).toContain("'x'");
    expect(parsed.literal).toContain('{none}');
    expect(() => parseMessage('{count, plural, one {x}')).toThrow();
    expect(() => parseMessage('<b>x')).toThrow();
  });

  test('only texts the office meets: every key in a visible scope, none skipped', () => {
    const outside = keys.filter((key) => !key.startsWith(CM_PREFIX) && (!Object.values(SCOPES).some((scope) => scope.test(key)) || SKIPPED.test(key)));
    expect(outside).toEqual([]);
  });

  test('every Strapi text of the visible scopes has Indonesian now (counts printed)', () => {
    const rows: string[] = [];
    const uncovered: string[] = [];
    const count = (scope: string, en: Messages, id: Messages, prefix: string, inScope: (key: string) => boolean) => {
      // Texts whose English is only whitespace (" ") have nothing to translate.
      const scoped = Object.keys(en).filter((key) => inScope(key) && !blank(en[key]));
      const before = scoped.filter((key) => !blank(id[key]));
      const after = scoped.filter((key) => !blank(id[key]) || !blank(ours[prefix + key]));
      uncovered.push(...scoped.filter((key) => !after.includes(key)).map((key) => prefix + key));
      rows.push(`${scope.padEnd(24)} ${String(before.length).padStart(4)} -> ${String(after.length).padStart(4)} of ${scoped.length}`);
      return { before: before.length, after: after.length, total: scoped.length };
    };
    const totals = Object.entries(SCOPES).map(([scope, pattern]) => count(scope, adminEn, adminId, '', (key) => pattern.test(key) && !SKIPPED.test(key)));
    totals.push(count('content-manager.', cmEn, cmId, CM_PREFIX, () => true));
    const sum = (field: 'before' | 'after' | 'total') => totals.reduce((total, row) => total + row[field], 0);
    rows.push(`${'all visible'.padEnd(24)} ${String(sum('before')).padStart(4)} -> ${String(sum('after')).padStart(4)} of ${sum('total')}`);
    console.log(`Strapi admin texts in Indonesian (before -> after, of keys):\n${rows.join('\n')}`);
    expect(uncovered).toEqual([]);
  });
});
