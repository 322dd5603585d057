// After the 2025 reorganisation: the local officer of huyện Lục Ngạn (which ended on 30/6/2025) is
// told so; the administrator moves every such officer to a successor unit in one action
// (confirmed in a dialog); the officer, now of xã Nam Dương of the merged province, proposes a
// project there this year — choosing by names, the beneficiary an establishment whose record still
// names the old commune.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { signIn, textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

test('an officer of an abolished district is moved to a successor commune and proposes there', { timeout: 120_000 }, async (t) => {
  await withPage(t, ws, { role: 'dia_phuong' }, async (page) => {
    await page.goto('/viec-cua-toi');
    assert.match(await textOf(page.locator('main')), /đã kết thúc hiệu lực từ 01\/7\/2025/, 'the officer is told');
  });

  await withPage(t, ws, {}, async (page) => {
    await signIn(page, 'quan_tri');
    await page.goto('/quan-tri/tai-khoan');
    const move = page.locator('select[name="don_vi.diaphuong"]');
    await move.selectOption(await move.locator('option', { hasText: 'xã Nam Dương' }).first().getAttribute('value'));
    page.once('dialog', (dialog) => dialog.accept()); // "Chuyển các cán bộ … ?"
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/quan-tri/chuyen-don-vi-ke-thua'),
      page.getByRole('button', { name: 'Chuyển sang đơn vị kế thừa' }).click(),
    ]);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('select[name="don_vi.diaphuong"]').count(), 0, 'no longer waiting to be moved');
    assert.deepEqual(page.consoleErrors, []);
  });

  await withPage(t, ws, { role: 'dia_phuong' }, async (page) => {
    await page.goto('/viec-cua-toi');
    assert.doesNotMatch(await textOf(page.locator('main')), /đã kết thúc hiệu lực/, 'the notice is gone');
    await page.goto('/de-an/moi');
    await page.getByRole('textbox', { name: 'Tên đề án', exact: true }).fill('Máy sấy mỳ Chũ sau sắp xếp địa giới');
    const choose = async (name, text) => {
      const select = page.getByRole('combobox', { name, exact: true });
      await select.selectOption(await select.locator('option', { hasText: text }).first().getAttribute('value'));
    };
    await choose('Nội dung', 'mô hình trình diễn kỹ thuật');
    await page.getByRole('combobox', { name: 'Cấp kinh phí', exact: true }).selectOption({ label: 'khuyến công tỉnh' });
    await choose('Đơn vị thực hiện', 'Trung tâm Khuyến công tỉnh Bắc Ninh');
    await choose('Địa bàn thực hiện', 'xã Nam Dương');
    const search = page.getByRole('searchbox', { name: 'Cơ sở thụ hưởng' });
    await search.pressSequentially('giap minh');
    const found = page.locator('#kq_co_so').getByRole('checkbox', { name: /Hộ kinh doanh Giáp Minh Hằng/ });
    await found.waitFor();
    await found.check();
    await page.getByRole('textbox', { name: 'Kinh phí ngân sách nhà nước (đồng)', exact: true }).fill('150.000.000');
    await page.getByRole('textbox', { name: 'Kinh phí đối ứng (đồng)', exact: true }).fill('200 triệu');
    await Promise.all([
      page.waitForURL((u) => /^\/de-an\/da-/.test(u.pathname)),
      page.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    const record = await textOf(page.locator('main'));
    for (const text of ['xã Nam Dương', 'Trung tâm Khuyến công tỉnh Bắc Ninh', 'Hộ kinh doanh Giáp Minh Hằng'])
      assert.ok(record.includes(text), `the new project shows ${text}`);
    assert.deepEqual(page.consoleErrors, []);
  });
});
