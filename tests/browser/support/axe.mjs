// axe-core (web/node_modules/axe-core) run in a page: the every-page run (axe.test.mjs) and the
// tests that check the states a flow leaves pages in (report_drafts.test.mjs) share it.
import assert from 'node:assert/strict';

import { axeSourcePath } from './browser.mjs';

// The pages' Content-Security-Policy forbids inline scripts, so the axe contexts bypass it to
// inject axe-core; nothing else about the page changes.
export const AXE_CONTEXT = { contextOptions: { bypassCSP: true } };

export async function runAxe(page) {
  await page.addScriptTag({ path: axeSourcePath });
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
}

// Serious and critical violations fail `t`; minor and moderate ones are printed.
export function checkAxe(t, where, violations) {
  const describe = (v) => `${v.impact} ${v.id} (${v.help})\n    ${v.nodes.slice(0, 5).join('\n    ')}`;
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((x) => !blocking.includes(x))) t.diagnostic(`${where}: ${describe(v)}`);
  assert.equal(blocking.length, 0, `${where}: serious or critical accessibility violations:\n  ${blocking.map(describe).join('\n  ')}`);
}
