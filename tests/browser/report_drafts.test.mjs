// A report from draft to issue, as the people who write and sign it would work, on a phone:
// a centre officer creates a phase report, writes a section with a figure inserted from the
// list, sees it highlighted in the live preview, saves and submits; the department finds it on
// its home page, approves it and issues it with a number; the issued DOCX and PDF hold the
// narrative and the number. Each page on the way is checked at 390 px and with axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';
import { AXE_CONTEXT, checkAxe, runAxe } from './support/axe.mjs';
import { PHONE, PHONE_WIDTH, horizontalOverflow } from './support/phone.mjs';

const ws = useWorkspace();
const SECTION = 'I.3.2';
const SENTENCE = 'đề án được hỗ trợ trong giai đoạn còn ít so với nhu cầu.';
const NUMBER = '217/BC-SCT';

// No sideways scrolling and no serious accessibility violation on the page as it is now.
async function checkPage(t, page, where) {
  const m = await horizontalOverflow(page);
  assert.ok(m.scrollWidth <= PHONE_WIDTH, `${where} scrolls sideways: ${m.scrollWidth} px, widest ${JSON.stringify(m.widest)}`);
  checkAxe(t, where, await runAxe(page));
}

const phone = (role) => ({ ...AXE_CONTEXT, viewport: PHONE.viewport, contextOptions: { ...AXE_CONTEXT.contextOptions, ...PHONE.contextOptions }, role });

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name: label }).click()]);
  assert.equal(await file.failure(), null);
  const where = path.join(ws.server.dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(where);
  return where;
}

test('a section written with a figure, submitted, approved, issued with a number and downloaded', { timeout: 240_000 }, async (t) => {
  let report = null;
  await withPage(t, ws, phone('trung_tam'), async (page) => {
    await page.goto('/bao-cao');
    const kind = page.locator('#loai_bao_cao');
    await kind.selectOption(await kind.locator('option', { hasText: 'giai đoạn' }).first().getAttribute('value'));
    await page.locator('#ke_hoach_moi').selectOption('bg-2016-2020');
    await page.locator('#nam_moi').selectOption('');
    await Promise.all([page.waitForURL(/\/bao-cao\/[^/]+$/), page.getByRole('button', { name: 'Lập báo cáo mới' }).click()]);
    report = new URL(page.url()).pathname;
    await checkPage(t, page, `${report} (dự thảo)`);

    // The editor: the reference inserted from the list, the figure highlighted in the preview.
    await page.locator(`a[href="${report}/muc/${SECTION}"]`).click();
    await page.waitForURL((u) => u.pathname === `${report}/muc/${SECTION}`);
    const box = page.locator('#noi_dung');
    await box.fill('Trong giai đoạn, ');
    const figure = page.locator('button.insert-figure[data-figure="de_an.tong.so_de_an"]');
    await page.locator('details.figure-group', { has: figure }).locator('summary').click();
    await figure.click();
    await box.press('End');
    await box.pressSequentially(` ${SENTENCE}`);
    assert.match(await box.inputValue(), /\{de_an\.tong\.so_de_an\}/, 'the reference was inserted at the cursor');
    const mark = page.locator('#xem-truoc mark.so-lieu');
    await mark.waitFor();
    assert.match(await textOf(mark), /\d/, 'the preview shows the figure\'s value');
    assert.match(await textOf(page.locator('#xem-truoc')), new RegExp(SENTENCE.slice(0, 20)));
    await checkPage(t, page, `${report}/muc/${SECTION}`);

    // A mistake is named with its line before saving.
    await box.fill('Dòng đầu.\n\nCó {de_an.tong.khong_co}.');
    await page.locator('#xem-truoc .narrative-problems').filter({ hasText: 'dòng 3' }).waitFor();
    await box.fill(`Trong giai đoạn, {de_an.tong.so_de_an} ${SENTENCE}`);
    await mark.waitFor();

    await Promise.all([page.waitForURL(/da_luu=1/), page.getByRole('button', { name: 'Lưu', exact: true }).click()]);
    assert.match(await textOf(page.locator('#da-luu')), /Đã lưu phiên bản/);

    await page.goto(report);
    await Promise.all([page.waitForURL((u) => u.pathname === report), page.getByRole('button', { name: 'Trình duyệt' }).click()]);
    assert.equal(await textOf(page.locator('#trang-thai')), 'Đã trình');
    assert.deepEqual(page.consoleErrors, []);
  });

  await withPage(t, ws, phone('so_cong_thuong'), async (page) => {
    await page.goto('/viec-cua-toi');
    await page.locator(`#bao-cao-cho-duyet a[href="${report}"]`).click();
    await page.waitForURL((u) => u.pathname === report);
    await checkPage(t, page, `${report} (chờ duyệt)`);
    await Promise.all([page.waitForURL((u) => u.pathname === report), page.getByRole('button', { name: 'Duyệt', exact: true }).click()]);

    await page.locator('#so_ky_hieu_moi').fill(NUMBER);
    await page.locator('#ngay_ban_hanh').fill('15/12/2020');
    await checkPage(t, page, `${report} (chờ ban hành)`);
    await Promise.all([page.waitForURL((u) => u.pathname === report), page.getByRole('button', { name: 'Ban hành', exact: true }).click()]);
    assert.equal(await textOf(page.locator('#so-ky-hieu')), NUMBER);
    await checkPage(t, page, `${report} (đã ban hành)`);

    // The issued documents hold the narrative, its figure printed, and the number.
    const docx = await download(page, 'Word (.docx)');
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString('utf8');
    const words = xml.replace(/<[^>]+>/g, '');
    assert.ok(words.includes(SENTENCE), 'the DOCX holds the narrative');
    assert.ok(words.includes(NUMBER), 'the DOCX holds the number');
    assert.ok(!words.includes('{de_an.tong.so_de_an}'), 'the reference is printed as its figure');
    const pdf = await download(page, 'PDF (.pdf)');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    assert.ok(text.includes(SENTENCE.replace(/\s+/g, ' ')), 'the PDF holds the narrative');
    assert.ok(text.includes(NUMBER), 'the PDF holds the number');
    fs.rmSync(docx);
    fs.rmSync(pdf);
    assert.deepEqual(page.consoleErrors, []);
  });
});
