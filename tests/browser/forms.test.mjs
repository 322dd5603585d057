// Forms as people fill them (docs/web.md, "Typing money and dates"): the line beside a money
// field says what the server understood while typing; a form refused for several reasons lists
// them all in a summary at the top that takes the focus; a date field has a calendar button;
// archiving asks in a dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

test('the money preview says what the server understood while typing', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'so_cong_thuong' }, async (page) => {
    const running = await (await page.request.get('/api/de-an?trang_thai=dang_thuc_hien&kich_thuoc=1')).json();
    const code = running.ban_ghi[0].ma;
    await page.goto(`/de-an/${code}`);
    const preview = page.locator('#p-dc-nsnn');
    await page.locator('#dc-nsnn').pressSequentially('1 tỷ 200 triệu');
    await assert.doesNotReject(preview.filter({ hasText: '= 1.200.000.000 đồng (một tỷ hai trăm triệu đồng)' }).waitFor());
    assert.equal(await preview.getAttribute('aria-live'), 'polite');
    await page.locator('#dc-nsnn').fill('150,000,000');
    await preview.locator('.field-error').waitFor();
    assert.match(await textOf(preview), /dấu phẩy là dấu thập phân/);
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('every error of a form is listed at the top and the focus moves there', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto('/van-ban/moi');
    assert.equal(await page.locator('label[for="f_so_hieu"]').evaluate((el) => el.textContent.trim().startsWith('Số, ký hiệu')), true);
    // The browser's own checks are skipped: the server is what this test is about.
    await page.evaluate(() => document.querySelector('main form.form').setAttribute('novalidate', ''));
    await page.fill('#f_ma', 'qd-thu-trinh-duyet');
    await page.fill('#f_ngay_ban_hanh', '31/02/2024');
    await Promise.all([page.waitForLoadState('load'), page.click('main form.form button[type="submit"]')]);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary has the focus');
    const links = summary.locator('a');
    assert.ok((await links.count()) >= 4, 'several fields in one answer');
    assert.match(await textOf(summary), /Ngày ban hành: ngày không hợp lệ.*"31\/02\/2024"/);
    await summary.locator('a[href="#f_ngay_ban_hanh"]').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f_ngay_ban_hanh');
    // The refused form is answered 422, which the console reports; nothing else.
    assert.deepEqual(page.consoleErrors.filter((e) => !/status of 422/.test(e)), []);
  });
});

test('a date field has a calendar that writes dd/mm/yyyy', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto('/van-ban/moi');
    const button = page.locator('#f_ngay_ban_hanh + button.date-button');
    assert.equal(await textOf(button), 'Chọn trên lịch');
    // What choosing a day in the calendar does: the hidden date input changes.
    await page.locator('#f_ngay_ban_hanh ~ input[type="date"]').fill('2024-03-05');
    assert.equal(await page.inputValue('#f_ngay_ban_hanh'), '05/03/2024');
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('archiving asks in a dialog first; saying no changes nothing', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto('/lang-nghe/ln-02');
    const archive = page.locator('form[action$="/luu-tru"] button');
    const asked = [];
    page.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
    await archive.click();
    assert.match(asked[0], /^Lưu trữ làng nghề ln-02\?/);
    assert.equal(new URL(page.url()).pathname, '/lang-nghe/ln-02');
    assert.doesNotMatch(await textOf(page.locator('h1')), /đã lưu trữ/);

    page.once('dialog', (d) => d.accept());
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/luu-tru'));
    await archive.click();
    assert.equal((await posted).status(), 303, "the dialog's answer goes with the form: no page asking again");
    await page.waitForURL((u) => u.pathname === '/lang-nghe/ln-02');
    await page.waitForLoadState('load');
    assert.match(await textOf(page.locator('h1')), /đã lưu trữ/);
    assert.deepEqual(page.consoleErrors, []);
  });
});
