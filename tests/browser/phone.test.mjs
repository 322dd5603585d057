// Every HTML page of the product, for every role that reaches it, on a 390×844 phone screen:
// no sideways scrolling (`document.documentElement.scrollWidth <= 390`), one subtest per page so
// the report lists each; and the controls one taps (navigation, buttons, links in tables and
// lists) at least 44 px high, and lists shown as cards no wider than the screen. The pages come from support/pages.mjs, checked against the
// server's route table.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useWorkspace, withPage } from './support/browser.mjs';
import { MIN_TAP, PHONE, PHONE_WIDTH as WIDTH, cardListsOverflow, horizontalOverflow, smallTapTargets } from './support/phone.mjs';
import { concretePaths, notHtmlRoutes, pagesByRole, uncoveredGetRoutes } from './support/pages.mjs';

const ws = useWorkspace();

// The records the demo lacks (a project that can still be edited, a report draft), made once by
// the first test that needs each.
const concretePath = concretePaths(ws);

test('every GET route of the server is visited here or skipped with a reason', () => {
  assert.deepEqual(uncoveredGetRoutes(), []);
  for (const [route, why] of Object.entries(notHtmlRoutes())) assert.ok(why, route);
});

for (const { role, pages } of pagesByRole()) {
  test(`390 px: the pages of ${role}`, { timeout: 300_000 }, async (t) => {
    await withPage(t, ws, { ...PHONE, role: role === 'public' ? null : role }, async (page) => {
      for (const { path: pattern } of pages) {
        const path = await concretePath(t, pattern);
        await t.test(`${path} (${role})`, async (st) => {
          const response = await page.goto(path);
          assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
          await page.waitForLoadState('load');
          const m = await horizontalOverflow(page);
          const small = await smallTapTargets(page);
          st.diagnostic(`height ${m.height} px`);
          const problems = [];
          if (m.scrollWidth > WIDTH) problems.push(`scrolls sideways: ${m.scrollWidth} px wide, widest ${JSON.stringify(m.widest)}`);
          const cards = await cardListsOverflow(page);
          if (cards.length) problems.push(`list cards wider than the screen: ${cards.join('; ')}`);
          if (small.length) problems.push(`tap targets under ${MIN_TAP} px: ${small.slice(0, 8).join('; ')}`);
          assert.deepEqual(problems, [], path);
        });
      }
      assert.deepEqual(page.consoleErrors, []);
    });
  });
}

// The dashboard on a phone shows its figures with every chart closed (docs/web.md, "Front end");
// a chart opened with a tap is drawn at the phone's width.
test('390 px: the dashboard shows its figures, charts on demand', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...PHONE, role: 'so_cong_thuong' }, async (page) => {
    await page.goto('/tong-quan');
    await page.waitForLoadState('load');
    assert.ok(await page.locator('[data-figure="de_an.tong.so_de_an"]').isVisible(), 'the figures are shown');
    const panels = page.locator('details.chart-panel');
    assert.ok(await panels.count() >= 1);
    assert.equal(await page.locator('details.chart-panel[open]').count(), 0, 'the charts start closed on a phone');
    const first = panels.first();
    await first.locator('summary').tap();
    const canvas = first.locator('canvas.chart');
    await canvas.waitFor();
    await page.waitForFunction((c) => c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v !== 0),
      await canvas.elementHandle());
    const box = await canvas.boundingBox();
    assert.ok(box.width > 200 && box.x + box.width <= WIDTH, `the chart fits the screen: ${JSON.stringify(box)}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= WIDTH);
  });
});

// The dashboard over a half-year and from–to dates adds the state of the year's plan and the
// date fields to the form: still no sideways scrolling at 390 px.
test('390 px: the dashboard over a half-year and from–to dates', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...PHONE, role: 'trung_tam' }, async (page) => {
    for (const query of ['ky=2020-h1', 'tu_ngay=01%2F03%2F2020&den_ngay=30%2F09%2F2020']) {
      const response = await page.goto(`/tong-quan?ke_hoach=bg-2016-2020&${query}`);
      assert.equal(response.status(), 200, query);
      await page.waitForLoadState('load');
      assert.ok(await page.locator('[data-figure="ky.da_phe_duyet"]').isVisible(), `${query}: the state on the last day is shown`);
      const m = await horizontalOverflow(page);
      assert.ok(m.scrollWidth <= WIDTH, `${query}: ${m.scrollWidth} px wide, widest ${JSON.stringify(m.widest)}`);
      assert.deepEqual(await smallTapTargets(page), [], query);
    }
  });
});
