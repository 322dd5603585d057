// Accessibility: axe-core (web/node_modules/axe-core) on every HTML page, as a role that uses
// it, and on the states pages show after a mistake. Serious and critical violations fail the
// test; minor and moderate ones are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useWorkspace, withPage } from './support/browser.mjs';
import { AXE_CONTEXT, checkAxe as check, runAxe } from './support/axe.mjs';
import { PHONE } from './support/phone.mjs';
import { HTML_PAGES, concretePaths } from './support/pages.mjs';

const ws = useWorkspace();

// Every HTML page of the product (support/pages.mjs, checked against the server's route table by
// phone.test.mjs), each once as a role that reaches it — the staff first, who see the most forms
// and buttons — and again as a visitor where visitors may come; the pages whose content depends
// on the role (the home page "Việc của tôi", the public home page) as every role. On the phone
// screen each page once, as the first of those roles (the layout, not the role, changes there).
const PREFERRED = ['trung_tam', 'so_cong_thuong', 'quan_tri', 'dia_phuong', 'co_so', 'public'];
const EVERY_ROLE = new Set(['/', '/viec-cua-toi']);
function axePagesByRole(everyView) {
  const byRole = new Map(PREFERRED.map((r) => [r, []]));
  for (const { path, roles } of HTML_PAGES) {
    const chosen = everyView && EVERY_ROLE.has(path) ? roles : [PREFERRED.find((r) => roles.includes(r))];
    if (everyView && roles.includes('public') && !chosen.includes('public')) chosen.push('public'); // what visitors see
    for (const role of chosen) byRole.get(role).push(path);
  }
  return [...byRole].filter(([, paths]) => paths.length > 0);
}

// Each page on a desktop screen, and again on a 390 px phone, where lists are cards, wide tables
// scroll in their own box and the dashboard's charts are closed (app.css).
const SCREENS = [
  { name: '', options: {}, everyView: true },
  { name: ', 390 px', options: { viewport: PHONE.viewport, contextOptions: { ...AXE_CONTEXT.contextOptions, ...PHONE.contextOptions } } },
];
const concretePath = concretePaths(ws); // the records the demo lacks, made once
for (const screen of SCREENS) for (const [role, paths] of axePagesByRole(screen.everyView)) {
  test(`axe: the pages of ${role}${screen.name}`, { timeout: 300_000 }, async (t) => {
    await withPage(t, ws, { ...AXE_CONTEXT, ...screen.options, role: role === 'public' ? null : role }, async (page) => {
      for (const pattern of paths) {
        const path = await concretePath(t, pattern);
        await t.test(`axe: ${path} (${role}${screen.name})`, async (st) => {
          const response = await page.goto(path);
          assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
          await page.waitForLoadState('load');
          check(st, `${path} (${role}${screen.name})`, await runAxe(page));
        });
      }
    });
  });
}

// The states a page shows after a mistake: an error beside each refused field, and the
// sign-in error.
test('axe: /co-so/moi with field errors (trung_tam)', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...AXE_CONTEXT, role: 'trung_tam' }, async (page) => {
    await page.goto('/co-so/moi');
    await page.fill('#f_ma', 'cs-0001'); // taken
    await page.fill('#f_ten', 'Cơ sở thử');
    await page.selectOption('#f_dia_ban', { index: 1 }); // chosen by name from the list
    await page.fill('#f_so_lao_dong', 'nhiều');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('main form.form button[type="submit"]')]);
    await page.waitForLoadState('load');
    assert.ok((await page.locator('[aria-invalid="true"]').count()) > 0, 'the form shows errors');
    check(t, '/co-so/moi (lỗi)', await runAxe(page));
  });
});

test('axe: the audit trail with a filter refused beside its field (quan_tri)', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...AXE_CONTEXT, role: 'quan_tri' }, async (page) => {
    await page.goto('/quan-tri/nhat-ky?tu_ngay=31/02/2026');
    assert.ok((await page.locator('[aria-invalid="true"]').count()) > 0, 'the refused filter is marked');
    check(t, '/quan-tri/nhat-ky (lỗi bộ lọc)', await runAxe(page));
  });
});

test('axe: the dashboard over a half-year and with a date refused (trung_tam)', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...AXE_CONTEXT, role: 'trung_tam' }, async (page) => {
    await page.goto('/tong-quan?ke_hoach=bg-2016-2020&ky=2020-h2');
    assert.ok(await page.locator('[data-figure="ky.da_nghiem_thu"]').isVisible(), 'the state of the year\'s plan is shown');
    check(t, '/tong-quan (6 tháng cuối năm)', await runAxe(page));
    const refused = await page.goto('/tong-quan?ke_hoach=bg-2016-2020&tu_ngay=31/02/2020&den_ngay=30/09/2020');
    assert.equal(refused.status(), 422);
    check(t, '/tong-quan (ngày không hợp lệ)', await runAxe(page));
  });
});

test('axe: /dang-nhap with the wrong-password error', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, AXE_CONTEXT, async (page) => {
    await page.goto('/dang-nhap');
    await page.fill('#ten_dang_nhap', 'khong-co-ai');
    await page.fill('#mat_khau', 'mat-khau-sai-123');
    await page.click('main form button[type="submit"]');
    await page.locator('main [role="alert"]').waitFor();
    check(t, '/dang-nhap (lỗi)', await runAxe(page));
  });
});

test('axe: /de-an/moi with field errors (trung_tam)', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...AXE_CONTEXT, role: 'trung_tam' }, async (page) => {
    await page.goto('/de-an/moi');
    // A beneficiaries search without JavaScript's help (the Tìm button): the matches to tick.
    await page.getByRole('searchbox', { name: 'Cơ sở thụ hưởng' }).fill('giap minh');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Tìm' }).last().click()]);
    await page.waitForLoadState('load');
    assert.ok(await page.getByRole('checkbox', { name: /Giáp Minh Hằng/ }).count() > 0, 'the matches are offered');
    check(t, '/de-an/moi (tìm cơ sở)', await runAxe(page));
    // Sent with the choices left empty and money typed wrongly: every error at once.
    await page.getByRole('textbox', { name: 'Tên đề án', exact: true }).fill('Đề án thử');
    await page.getByRole('textbox', { name: 'Kinh phí ngân sách nhà nước (đồng)', exact: true }).fill('-5');
    await page.getByRole('textbox', { name: 'Kinh phí đối ứng (đồng)', exact: true }).fill('1.5 triệu');
    await page.evaluate(() => { document.querySelector('form.form').noValidate = true; });
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Lưu' }).click()]);
    await page.waitForLoadState('load');
    assert.ok((await page.locator('[aria-invalid="true"]').count()) > 0, 'the form shows errors');
    check(t, '/de-an/moi (lỗi)', await runAxe(page));
  });
});

// The project page with a recorded step, its document and an amendment waiting for a decision,
// as the department sees it (with the forms to decide).
test('axe: /de-an/bg-2021-t-001 with a step, a document and an amendment (so_cong_thuong)', { timeout: 120_000 }, async (t) => {
  const project = '/de-an/bg-2021-t-001';
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto(project);
    const progress = page.getByRole('form', { name: 'Báo cáo tiến độ' });
    await progress.getByLabel(/^Ý kiến, ghi chú/).fill('Đã lắp đặt thiết bị.');
    await progress.getByLabel(/^Tài liệu đính kèm/).setInputFiles({
      name: 'bien-ban-lap-dat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), progress.getByRole('button', { name: 'Báo cáo tiến độ' }).click()]);
    await page.waitForLoadState('load');
    const amendment = page.getByRole('form', { name: 'Đề nghị điều chỉnh' });
    await amendment.getByLabel('Nội dung điều chỉnh').selectOption('tien_do');
    await amendment.getByLabel('Năm kết thúc mới').fill('2022');
    await amendment.getByLabel(/^Lý do/).fill('Thiết bị về chậm.');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), amendment.getByRole('button', { name: 'Gửi đề nghị điều chỉnh' }).click()]);
    await page.waitForLoadState('load');
    assert.equal(await page.getByRole('link', { name: 'bien-ban-lap-dat.pdf' }).count(), 1, 'the document is listed');
  });
  await withPage(t, ws, { ...AXE_CONTEXT, role: 'so_cong_thuong' }, async (page) => {
    await page.goto(project);
    await page.waitForLoadState('load');
    assert.equal(await page.getByRole('button', { name: 'Phê duyệt', exact: true }).count(), 1, 'the amendment can be decided');
    check(t, `${project} (diễn biến, điều chỉnh)`, await runAxe(page));
  });
});

// A destructive action without JavaScript's dialog: the page that asks first (web/confirm.h).
test('axe: the page asking to confirm archiving (trung_tam)', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { ...AXE_CONTEXT, role: 'trung_tam' }, async (page) => {
    await page.goto('/lang-nghe/ln-01');
    const archive = page.locator('form[action$="/luu-tru"]');
    await archive.evaluate((form) => form.removeAttribute('data-confirm'));  // as without JavaScript
    await Promise.all([page.waitForURL('**/lang-nghe/ln-01/luu-tru'), archive.locator('button').click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Lưu trữ làng nghề ln-01?');
    check(t, '/lang-nghe/ln-01/luu-tru (xác nhận)', await runAxe(page));
  });
});
