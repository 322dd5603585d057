// A project from proposal to acceptance, by clicking through the pages as each role:
//
//   1. the establishment (co_so, cs-0046) registers its need at /de-an/moi — it is its own
//      beneficiary; the local officer of Lục Ngạn (dia_phuong) makes it a proposal;
//   2. the centre (trung_tam) sends it to appraisal; the department (so_cong_thuong) approves it
//      into the plan with a decision number, a date and the decision as a PDF (setInputFiles with
//      an in-memory buffer), which then downloads back from the project page byte for byte;
//   3. the centre starts it with the contract number, the local officer reports progress, and the
//      centre accepts it with the minutes and its output;
//   4. the project page lists every step in its history: who, when, decision number, document;
//   5. the dashboard's figures for the plan (read before step 1) grow by the project's count and
//      money once it is in progress — not at approval — and stay so after acceptance;
//   6. a visitor gets 404 for the project until it is approved, then sees it (not its documents).
//
// The demo's only phase plan (the one the dashboard shows) is Bắc Giang 2016–2020, so the
// project is dated 2020: recorded after the fact, as the C++ test TheDashboardMovesWithTheRecords
// does. Field values as in tests/web_project_test.cc (FromNeedsToAcceptanceEachStepByItsRole).
//
// The steps run in order on one project; once one fails, the later ones are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

const PLAN = 'bg-2016-2020';
const PROJECT = {
  title: 'Hỗ trợ máy sấy mỳ gạo cho hộ Giáp Minh Hằng (thử trên trình duyệt)',
  content: 'nd45-3', // mô hình trình diễn kỹ thuật, ứng dụng máy móc thiết bị tiên tiến
  level: 'tinh',
  year: '2020',
  executor: 'ttkc-bg',
  area: 'bg-luc-ngan-nam-duong', // xã Nam Dương, huyện Lục Ngạn: the establishment's commune
  budget: 150_000_000, // NSNN, đồng
  counterpart: 200_000_000,
  description: 'Máy sấy mỳ gạo công suất 500 kg/mẻ.',
};
// Dates as the pages show them: the day in two digits, the month in two only for January and
// February (the style of Nghị định 30/2020/NĐ-CP, core/date.cc to_vn).
// Every step dated in 2020, in the lifecycle's order (src/projects/step_dates.h): an undated
// step is today, which would come after the approval.
const PROPOSAL = { date: '10/01/2020' };
const APPRAISAL = { date: '05/02/2020' };
const APPROVAL = { decision: '99/QĐ-SCT', date: '15/3/2020' };
const START = { decision: 'HĐ 12/2020', date: '02/4/2020' };
const PROGRESS = { comment: 'Đã lắp đặt xong máy sấy, đang chạy thử.', date: '10/8/2020' };
const ACCEPTANCE = { decision: 'BB 07/2020', date: '20/11/2020', machines: '1' };

// A small PDF with binary bytes (the usual %âãÏÓ marker line and every byte value), so that a
// byte-exact round trip also shows the upload and download are not mangled as text.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from('\n1 0 obj << /Type /Catalog >> endobj\n% '),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
]);
const PDF_NAME = 'quyet-dinh-99-QD-SCT.pdf';

// What the steps share: the project's code and the dashboard's figures before it.
const state = { code: null, before: null, failed: false };

// "30.722,3 triệu đồng" → 30722.3; "297" → 297.
function vnNumber(text) {
  const m = text.match(/-?[\d.]+(,\d+)?/);
  assert.ok(m, `no number in "${text}"`);
  return Number(m[0].replace(/\./g, '').replace(',', '.'));
}

// The plan's figures on /tong-quan, read by a staff member's page.
async function dashboardFigures(page) {
  await page.goto(`/tong-quan?ke_hoach=${PLAN}`);
  assert.equal(await page.getByLabel('Kế hoạch').inputValue(), PLAN);
  const figure = async (name) => vnNumber(await textOf(page.locator(`[data-figure="${name}"]`)));
  return {
    projects: await figure('de_an.tong.so_de_an'),
    budget: await figure('de_an.tong.kinh_phi'), // triệu đồng, one decimal
    counterpart: await figure('de_an.tong.doi_ung'),
  };
}

const tenths = (x) => Math.round(x * 10);
function assertFigures(actual, expected, when) {
  assert.equal(actual.projects, expected.projects, `${when}: project count`);
  assert.equal(tenths(actual.budget), tenths(expected.budget), `${when}: NSNN budget (triệu đồng)`);
  assert.equal(tenths(actual.counterpart), tenths(expected.counterpart), `${when}: counterpart (triệu đồng)`);
}
const grown = (b) => ({
  projects: b.projects + 1,
  budget: b.budget + PROJECT.budget / 1e6,
  counterpart: b.counterpart + PROJECT.counterpart / 1e6,
});

// Opens the project page in `page` (signed in as the role that acts) and takes the step whose form
// is named `name` (its heading), filling the labelled fields; resolves after the redirect back to
// the project page, or fails with the reason the page gives for refusing the step.
async function takeStep(page, name, { date, decision, comment, outputs = {}, files } = {}) {
  await page.goto(`/de-an/${state.code}`);
  const form = page.getByRole('form', { name, exact: true });
  await form.waitFor();
  if (date) await form.getByLabel(/^Ngày/).fill(date);
  if (decision) await form.getByLabel(/^Số quyết định, biên bản/).fill(decision);
  if (comment) await form.getByLabel(/^Ý kiến, ghi chú/).fill(comment);
  for (const [label, value] of Object.entries(outputs)) await form.getByLabel(label).fill(value);
  if (files) await form.getByLabel(/^Tài liệu đính kèm/).setInputFiles(files);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/de-an/${state.code}/buoc`),
    form.getByRole('button', { name, exact: true }).click(),
  ]);
  // 303 back to the project page; a refused step answers 422 with the reason at the top.
  if (response.status() !== 303) {
    await page.waitForLoadState();
    const notice = await page.locator('main [role="alert"]').allInnerTexts();
    assert.fail(`step "${name}" answered ${response.status()}: ${notice.join(' ')}`);
  }
  await page.waitForURL((u) => u.pathname === `/de-an/${state.code}`);
  await page.waitForLoadState();
}

const statusOf = async (page) => textOf(page.locator('p.status strong'));

// What a visitor (no cookies) gets for the project page: its HTTP status. A plain request is
// enough for a refusal; the page as a visitor sees it once approved is opened in the browser.
function publicStatus() {
  const url = new URL(`de-an/${encodeURIComponent(state.code)}`, ws.server.url);
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

test('project from proposal to acceptance with a document attached changes the dashboard', { timeout: 300_000 }, async (t) => {
  const step = (name, fn) =>
    t.test(name, { skip: state.failed && 'an earlier step failed', timeout: 90_000 }, async (st) => {
      try {
        await fn(st);
      } catch (e) {
        state.failed = true;
        throw e;
      }
    });

  await step('the dashboard figures before', async (st) => {
    state.before = await withPage(st, ws, { role: 'so_cong_thuong' }, dashboardFigures);
    // The demo bundle's Bắc Giang 2016–2020 figures (dashboard.test.mjs checks the same).
    assertFigures(state.before, { projects: 297, budget: 30722.3, counterpart: state.before.counterpart }, 'before');
  });

  await step('the establishment registers its need at /de-an/moi', async (st) => {
    await withPage(st, ws, { role: 'co_so' }, async (page) => {
      await page.goto('/de-an');
      await Promise.all([page.waitForURL('**/de-an/moi'), page.getByRole('link', { name: 'Đăng ký đề án' }).click()]);
      assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đăng ký nhu cầu, đề xuất đề án');
      // The establishment is its own beneficiary, ticked already; nothing asks for a code.
      assert.ok(await page.getByRole('checkbox', { name: /Hộ kinh doanh Giáp Minh Hằng/ }).isChecked());
      assert.equal(await page.locator('input[placeholder^="mã "]').count(), 0, 'no field asks for a code');

      await page.getByRole('textbox', { name: 'Tên đề án', exact: true }).fill(PROJECT.title);
      // Choosing the years asks the server again for what is valid in them (the commune and the
      // centre of 2020, before the 2025 reorganisation).
      for (const name of ['Năm bắt đầu', 'Năm kết thúc']) {
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/de-an'),
          page.getByRole('combobox', { name, exact: true }).selectOption(PROJECT.year),
        ]);
        await page.waitForLoadState('load');
      }
      assert.equal(await page.getByRole('textbox', { name: 'Tên đề án', exact: true }).inputValue(), PROJECT.title, 'what was typed stays');
      // Everything else is chosen by name.
      const choose = async (name, text) => {
        const select = page.getByRole('combobox', { name, exact: true });
        const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
        await select.selectOption(value);
        return value;
      };
      assert.equal(await choose('Nội dung', 'mô hình trình diễn kỹ thuật'), PROJECT.content);
      await page.getByRole('combobox', { name: 'Cấp kinh phí', exact: true }).selectOption({ label: 'khuyến công tỉnh' });
      assert.equal(await choose('Đơn vị thực hiện', 'Trung tâm Khuyến công'), PROJECT.executor);
      assert.equal(await choose('Địa bàn thực hiện', 'xã Nam Dương'), PROJECT.area);
      // Money as the application prints it, and in words of the trade; what was understood shows.
      const budget = page.getByRole('textbox', { name: 'Kinh phí ngân sách nhà nước (đồng)', exact: true });
      await budget.fill('150.000.000');
      await page.locator('#p_kinh_phi_nsnn').filter({ hasText: 'một trăm năm mươi triệu đồng' }).waitFor();
      await page.getByRole('textbox', { name: 'Kinh phí đối ứng (đồng)', exact: true }).fill('200 triệu');
      await page.getByRole('textbox', { name: 'Mô tả', exact: true }).fill(PROJECT.description);
      await Promise.all([
        page.waitForURL((u) => /^\/de-an\/[^/]+$/.test(u.pathname) && u.pathname !== '/de-an/moi'),
        page.getByRole('button', { name: 'Lưu' }).click(),
      ]);
      state.code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
      assert.equal(await textOf(page.getByRole('heading', { level: 1 })), PROJECT.title);
      assert.equal(await statusOf(page), 'đăng ký nhu cầu');
      assert.match(await textOf(page.locator('dl.record')), /150\.000\.000/);
      assert.ok(await page.getByRole('link', { name: 'Hộ kinh doanh Giáp Minh Hằng' }).isVisible(), 'the beneficiary, by name');
      // An establishment cannot approve: it is offered only the proposal step.
      assert.equal(await page.getByRole('form', { name: 'Phê duyệt vào kế hoạch' }).count(), 0);
      assert.deepEqual(page.consoleErrors, []);
    });
    assert.equal(await publicStatus(), 404, 'a need is not public');
  });

  await step('the local officer makes it a proposal; the centre sends it to appraisal', async (st) => {
    await withPage(st, ws, { role: 'dia_phuong' }, async (page) => {
      await takeStep(page, 'Lập hồ sơ đề xuất đề án', PROPOSAL);
      assert.equal(await statusOf(page), 'đề xuất');
    });
    await withPage(st, ws, { role: 'trung_tam' }, async (page) => {
      await takeStep(page, 'Đưa vào thẩm định', APPRAISAL);
      assert.equal(await statusOf(page), 'thẩm định');
      // The centre does not approve.
      assert.equal(await page.getByRole('form', { name: 'Phê duyệt vào kế hoạch' }).count(), 0);
    });
    assert.equal(await publicStatus(), 404, 'a project under appraisal is not public');
  });

  await step('the department approves it with the decision attached, which downloads back unchanged', async (st) => {
    await withPage(st, ws, { role: 'so_cong_thuong' }, async (page) => {
      // Approval needs a decision number: the field says so before anything is sent.
      await page.goto(`/de-an/${state.code}`);
      const form = page.getByRole('form', { name: 'Phê duyệt vào kế hoạch' });
      assert.equal(await form.getByLabel(/^Số quyết định, biên bản/).getAttribute('required'), '');

      await takeStep(page, 'Phê duyệt vào kế hoạch', {
        ...APPROVAL,
        files: { name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF },
      });
      assert.equal(await statusOf(page), 'đã phê duyệt');
      assert.match(await textOf(page.locator('dl.record')), /Ngày phê duyệt 15\/3\/2020/);

      const history = page.getByRole('table', { name: 'Diễn biến' });
      const row = history.getByRole('row').filter({ hasText: APPROVAL.decision });
      assert.equal(await row.count(), 1);
      const link = row.getByRole('link', { name: PDF_NAME });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(await download.failure(), null);
      assert.match(download.suggestedFilename(), /\.pdf$/);
      const bytes = fs.readFileSync(await download.path());
      assert.ok(bytes.equals(PDF), `the downloaded document (${bytes.length} bytes) differs from the uploaded one (${PDF.length} bytes)`);
      const head = await page.request.get(await link.getAttribute('href'));
      assert.equal(head.headers()['content-type'], 'application/pdf');
      state.documentHref = await link.getAttribute('href');
      assert.deepEqual(page.consoleErrors, []);

      // An approved project is not yet counted as implemented: the dashboard has not moved.
      assertFigures(await dashboardFigures(page), state.before, 'approved, not yet in progress');
    });
  });

  await step('approved: a visitor sees the project but not its documents', async (st) => {
    await withPage(st, ws, async (page) => {
      const response = await page.goto(`/de-an/${state.code}`);
      assert.equal(response.status(), 200);
      assert.equal(await textOf(page.getByRole('heading', { level: 1 })), PROJECT.title);
      assert.equal(await statusOf(page), 'đã phê duyệt');
      assert.equal(await page.getByRole('table', { name: 'Diễn biến' }).count(), 0, 'the history is for signed-in users');
      assert.equal(await page.getByRole('link', { name: PDF_NAME }).count(), 0);
      const file = await page.request.get(state.documentHref, { maxRedirects: 0 });
      assert.equal(file.status(), 303, 'a visitor is sent to sign in for a document');
      // The public list finds it, searched without diacritics.
      await page.goto(`/de-an?q=${encodeURIComponent('may say my gao cho ho giap minh hang')}`);
      const rows = page.locator('main table.data tbody tr');
      assert.equal(await rows.count(), 1);
      assert.match(await textOf(rows.first()), new RegExp(`^${state.code} `));
    });
  });

  await step('the centre starts it and the dashboard grows; the local officer reports progress', async (st) => {
    await withPage(st, ws, { role: 'trung_tam' }, async (page) => {
      await takeStep(page, 'Ký hợp đồng, bắt đầu thực hiện', START);
      assert.equal(await statusOf(page), 'đang thực hiện');
      assertFigures(await dashboardFigures(page), grown(state.before), 'in progress');
    });
    await withPage(st, ws, { role: 'dia_phuong' }, async (page) => {
      await takeStep(page, 'Báo cáo tiến độ', PROGRESS);
      assert.equal(await statusOf(page), 'đang thực hiện');
    });
  });

  await step('the centre accepts it with the minutes and its output', async (st) => {
    await withPage(st, ws, { role: 'trung_tam' }, async (page) => {
      await takeStep(page, 'Nghiệm thu', {
        date: ACCEPTANCE.date,
        decision: ACCEPTANCE.decision,
        outputs: { 'ứng dụng máy móc, thiết bị tiên tiến': ACCEPTANCE.machines },
      });
      assert.equal(await statusOf(page), 'đã nghiệm thu');
      assert.match(await textOf(page.locator('dl.record')), /Ngày nghiệm thu 20\/11\/2020/);
      const output = page.getByRole('listitem').filter({ hasText: /ứng dụng máy móc, thiết bị tiên tiến/ });
      assert.match(await textOf(output), /: 1 cơ sở$/);
      assertFigures(await dashboardFigures(page), grown(state.before), 'accepted');
    });
  });

  await step('the project page shows each step: who, when, decision number, document', async (st) => {
    await withPage(st, ws, { role: 'co_so' }, async (page) => {
      await page.goto(`/de-an/${state.code}`);
      const history = page.getByRole('table', { name: 'Diễn biến' });
      const headers = await history.getByRole('columnheader').allInnerTexts();
      assert.deepEqual(headers.map((h) => h.trim()), ['Ngày', 'Bước', 'Số quyết định', 'Ý kiến', 'Người thực hiện', 'Tài liệu']);
      const rows = await history.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.cells, (c) => c.innerText.replace(/\s+/g, ' ').trim())));
      // null: the day the step was taken (today; no date was given).
      const expected = [
        [null, 'đăng ký nhu cầu', '', 'Đăng ký nhu cầu', 'coso', ''],
        [null, 'đăng ký nhu cầu → đề xuất', '', '', 'diaphuong', ''],
        [null, 'đề xuất → thẩm định', '', '', 'trungtam', ''],
        [APPROVAL.date, 'thẩm định → đã phê duyệt', APPROVAL.decision, '', 'socongthuong',
          new RegExp(`^${PDF_NAME.replace(/[.]/g, '\\.')} \\(\\d+ KB\\)$`)],
        [START.date, 'đã phê duyệt → đang thực hiện', START.decision, '', 'trungtam', ''],
        [PROGRESS.date, 'Báo cáo tiến độ', '', PROGRESS.comment, 'diaphuong', ''],
        [ACCEPTANCE.date, 'đang thực hiện → đã nghiệm thu', ACCEPTANCE.decision, '', 'trungtam', ''],
      ];
      assert.equal(rows.length, expected.length, `history rows:\n${rows.map((r) => r.join(' | ')).join('\n')}`);
      expected.forEach((cells, i) => cells.forEach((want, c) => {
        const got = rows[i][c];
        const where = `history row ${i + 1}, column "${headers[c]}": ${rows[i].join(' | ')}`;
        if (want === null) assert.match(got, /^\d{1,2}\/\d{1,2}\/\d{4}$/, where);
        else if (want instanceof RegExp) assert.match(got, want, where);
        else assert.equal(got, want, where);
      }));
      // The changes to the record are in its audit trail under the users who made them.
      const audit = await textOf(page.getByRole('table', { name: 'Nhật ký thay đổi' }));
      for (const user of ['coso', 'diaphuong', 'trungtam', 'socongthuong']) assert.match(audit, new RegExp(user));
      assert.deepEqual(page.consoleErrors, []);
    });
  });
});
