// A background job's page (docs/web.md, "Background jobs"): a plan's dossier started from the
// plan page on a 390 px phone, its page followed until the file is offered (htmx refreshes it),
// with no sideways scrolling, tap targets of 44 px and no serious accessibility violation; the
// file downloads; and without JavaScript the page still gets there (meta refresh, link).
// A job is its owner's, so its page cannot sit in support/pages.mjs's shared list: it is here.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axeSourcePath, useWorkspace, withPage } from './support/browser.mjs';
import { MIN_TAP, PHONE, PHONE_WIDTH, horizontalOverflow, smallTapTargets } from './support/phone.mjs';

const ws = useWorkspace();

async function startDossier(page) {
  await page.goto('/ke-hoach/bg-2016');
  await Promise.all([
    page.waitForURL(/\/viec-nen\/[0-9a-f]{32}$/),
    page.getByRole('button', { name: 'Lập hồ sơ (ZIP)' }).click(),
  ]);
}

test('a plan dossier as a background job, on a phone', { timeout: 120_000 }, async (t) => {
  await withPage(t, ws, { ...PHONE, role: 'trung_tam', contextOptions: { ...PHONE.contextOptions, bypassCSP: true } }, async (page) => {
    await startDossier(page);
    assert.match(await page.locator('h1').innerText(), /Hồ sơ kế hoạch bg-2016/);
    const download = page.getByRole('link', { name: /Tải Hồ sơ kế hoạch bg-2016\.zip/ });
    await download.waitFor({ timeout: 60_000 }); // htmx replaces the status until the file is ready
    assert.match(await page.locator('#viec-nen').innerText(), /Đã xong: \d+ đề án, [\d.]+ tệp/);
    const m = await horizontalOverflow(page);
    assert.ok(m.scrollWidth <= PHONE_WIDTH, `scrolls sideways: ${JSON.stringify(m)}`);
    assert.deepEqual(await smallTapTargets(page), [], `tap targets under ${MIN_TAP} px`);
    await page.addScriptTag({ path: axeSourcePath });
    const blocking = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    });
    assert.deepEqual(blocking, []);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.equal(file.suggestedFilename(), 'Hồ sơ kế hoạch bg-2016.zip');
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('the job page without JavaScript gets to the file by itself', { timeout: 120_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam', contextOptions: { javaScriptEnabled: false } }, async (page) => {
    await startDossier(page);
    const status = await page.locator('#viec-nen').innerText();
    if (!/Đã xong/.test(status)) assert.match(status, /Làm mới trang/);
    await page.getByRole('link', { name: /Tải Hồ sơ kế hoạch bg-2016\.zip/ }).waitFor({ timeout: 60_000 });
  });
});
