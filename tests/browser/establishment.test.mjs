// Registries from the browser: centre staff add an establishment through the form and find it
// again by searching without diacritics; a value the server refuses is shown beside its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

const NEW_ESTABLISHMENT = {
  ma: 'cs-9001',
  ten: 'Hợp tác xã Mây tre đan Phượng Sơn',
  loai: 'hop_tac_xa',
  nganh: 'che_bien',
  dia_ban: 'bg-luc-ngan',
  dia_chi: 'Thôn Đồng Đỉnh, xã Phượng Sơn, huyện Lục Ngạn, tỉnh Bắc Giang',
  nam_thanh_lap: '2015',
  so_lao_dong: '18',
};

async function fillEstablishment(page, values) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`#f_${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

test('centre staff create an establishment and find it searching without diacritics', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto('/co-so');
    await Promise.all([page.waitForURL('**/co-so/moi'), page.click('main a.button:has-text("Thêm mới")')]);
    assert.equal(await textOf(page.locator('h1')), 'Thêm Cơ sở công nghiệp nông thôn');

    await fillEstablishment(page, NEW_ESTABLISHMENT);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/co-so/${NEW_ESTABLISHMENT.ma}`),
      page.click('main form.form button[type="submit"]'),
    ]);
    const record = await textOf(page.locator('dl.record'));
    assert.match(record, /Hợp tác xã Mây tre đan Phượng Sơn/);
    assert.match(record, /Lục Ngạn/);
    // The creation is in the record's history, under the user who made it.
    assert.match(await textOf(page.locator('main table.data')), /trungtam/);

    // "may tre dan phuong son" finds "Mây tre đan Phượng Sơn" (đ folds to d).
    await page.goto('/co-so');
    await page.fill('#q', 'may tre dan phuong son');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') !== null), page.click('form.filters button[type="submit"]')]);
    const rows = page.locator('main table.data tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await textOf(rows.first()), /cs-9001 .*Mây tre đan Phượng Sơn/);
    assert.match(await textOf(page.locator('.toolbar')), /^1 hồ sơ/);
    await rows.first().locator('a').click();
    await page.waitForURL((u) => u.pathname === '/co-so/cs-9001');
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('a refused value is shown beside its field and what was typed is kept', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto('/co-so/moi');
    await fillEstablishment(page, { ...NEW_ESTABLISHMENT, ma: 'cs-9002', so_lao_dong: '-5' });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/co-so'),
      page.click('main form.form button[type="submit"]'),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState();

    const field = page.locator('#f_so_lao_dong');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const errorId = await field.getAttribute('aria-describedby');
    assert.ok(errorId, 'the field names its error message');
    const error = page.locator(`#${errorId}`);
    assert.ok((await textOf(error)).length > 0, 'the error message is not empty');
    // The message sits in the same field group as the input, right after it.
    assert.equal(await error.evaluate((el) => el.closest('.field').querySelector('input').id), 'f_so_lao_dong');
    assert.match(await textOf(page.locator('main [role="alert"]')), /Chưa lưu được/);
    // Only the refused field is marked; the rest keeps what was typed.
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 1);
    assert.equal(await page.inputValue('#f_ten'), NEW_ESTABLISHMENT.ten);
    assert.equal(await page.inputValue('#f_so_lao_dong'), '-5');
    assert.equal(await page.locator('#f_loai').inputValue(), NEW_ESTABLISHMENT.loai);

    // Correcting it saves the record.
    await field.fill('5');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/co-so/cs-9002'),
      page.click('main form.form button[type="submit"]'),
    ]);
  });
});
