#!/usr/bin/env node
/**
 * Prints the workflow rule table (states × transitions × roles, with each machine's derived
 * lists) as Markdown, straight from the workflow specs, for the README: `npm run docs:workflow`
 * (compiles first). KERJASAMA_DIST_DIR reads another compile folder than dist/.
 */
const path = require('path');
const dist = process.env.KERJASAMA_DIST_DIR || path.join(__dirname, '..', 'dist');
const { WORKFLOWS } = require(path.join(dist, 'src', 'domain', 'workflow'));
const { ROLE_LABELS } = require(path.join(dist, 'src', 'domain', 'roles'));

const code = (names) => names.map((name) => `\`${name}\``).join(', ');
const lines = [];
for (const machine of Object.values(WORKFLOWS)) {
  lines.push(`### ${machine.labels.en} (\`${machine.uid}\`)`, '');
  lines.push(`States: ${machine.states.map((s) => `\`${s.name}\` (${s.labels.id} / ${s.labels.en})`).join(', ')}.`);
  if (machine.frozenStates.length) lines.push(`Frozen (no edits) in: ${code(machine.frozenStates)}.`);
  if (machine.frozenByParent) {
    const parent = WORKFLOWS[machine.frozenByParent.uid];
    lines.push(`Frozen while its \`${machine.frozenByParent.relation}\` is in: ${code(parent.frozenStates)}.`);
  }
  if (machine.creatableStates.length > 1) lines.push(`May be created in: ${code(machine.creatableStates)}.`);
  if (machine.unitEdits) lines.push(`A unit edits its own record in: ${code(machine.unitEdits.states)}.`);
  if (machine.derivedFields.length) lines.push(`Maintained by the workflow: ${code(machine.derivedFields)}.`);
  if (machine.publicationByWorkflow) lines.push('Published only by the listing rule (after every write).');
  lines.push('', '| from | to | transition | who may fire it | reason | condition | effects |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const t of machine.transitions) {
    const roles = t.roles.map((role) => (role === 'unit' ? 'Unit (own unit only)' : ROLE_LABELS[role].en)).join(', ');
    const effects = t.effects.length ? t.effects.join(', ') : '—';
    lines.push(`| \`${t.from}\` | \`${t.to}\` | ${t.name} | ${roles} | ${t.reasonRequired ? 'required' : '—'} | ${t.guard ? t.guard.message.en : '—'} | ${effects} |`);
  }
  lines.push('');
}
process.stdout.write(lines.join('\n'));
