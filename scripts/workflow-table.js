#!/usr/bin/env node
/**
 * Prints the workflow rule table (states × transitions × roles) as Markdown, straight from the
 * domain tables, for the README: `npm run docs:workflow` (compiles first).
 */
const path = require('path');
const { WORKFLOWS } = require(path.join(__dirname, '..', 'dist', 'src', 'domain', 'workflow'));
const { ROLE_LABELS } = require(path.join(__dirname, '..', 'dist', 'src', 'domain', 'roles'));

const lines = [];
for (const machine of Object.values(WORKFLOWS)) {
  lines.push(`### ${machine.labels.en} (\`${machine.uid}\`)`, '');
  lines.push(`States: ${machine.states.map((s) => `\`${s.name}\` (${s.labels.id} / ${s.labels.en})`).join(', ')}.`);
  if (machine.frozenStates.length) lines.push(`Frozen (no edits) in: ${machine.frozenStates.map((s) => `\`${s}\``).join(', ')}.`);
  lines.push('', '| from | to | transition | who may fire it | reason | condition |', '| --- | --- | --- | --- | --- | --- |');
  for (const t of machine.transitions) {
    const roles = t.roles.map((role) => (role === 'unit' ? 'Unit (own unit only)' : ROLE_LABELS[role].en)).join(', ');
    lines.push(`| \`${t.from}\` | \`${t.to}\` | ${t.name} | ${roles} | ${t.reasonRequired ? 'required' : '—'} | ${t.guard ? t.guard.message.en : '—'} |`);
  }
  lines.push('');
}
process.stdout.write(lines.join('\n'));
