// A centre officer proposes a project knowing no code, on a phone: the content, the
// implementing unit and the place are chosen by name from lists valid this year, the
// beneficiaries are found by typing part of a name without diacritics (matches appear as they
// type, a ticked one stays chosen through the next search), money is typed as the application
// prints it ("150.000.000") and as people say it ("200 triệu") with what was understood shown
// before saving; the project page then names everything it refers to.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { signIn, textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

test('a centre officer proposes a project by names, typing money as it is printed', { timeout: 120_000 }, async (t) => {
  await withPage(t, ws, { viewport: { width: 390, height: 844 } }, async (page) => {
    await signIn(page, 'trung_tam');
    await page.goto('/de-an/moi');
    assert.equal(await page.locator('input[placeholder^="mã "]').count(), 0, 'no field asks for a code');
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling at 390 px');

    await page.getByRole('textbox', { name: 'Tên đề án', exact: true }).fill('Hỗ trợ máy đóng gói mỳ Chũ (chọn theo tên)');
    const choose = async (name, text) => {
      const select = page.getByRole('combobox', { name, exact: true });
      await select.selectOption(await select.locator('option', { hasText: text }).first().getAttribute('value'));
    };
    await choose('Nội dung', 'mô hình trình diễn kỹ thuật');
    await page.getByRole('combobox', { name: 'Cấp kinh phí', exact: true }).selectOption({ label: 'khuyến công tỉnh' });
    // A new proposal is for this year: the merged province's centre and communes are offered.
    await choose('Đơn vị thực hiện', 'Trung tâm Khuyến công tỉnh Bắc Ninh');
    await choose('Địa bàn thực hiện', 'xã Nam Dương');

    // Beneficiaries: typed without diacritics, matches appear, a ticked one joins the chosen.
    const search = page.getByRole('searchbox', { name: 'Cơ sở thụ hưởng' });
    await search.pressSequentially('giap minh');
    const found = page.locator('#kq_co_so').getByRole('checkbox', { name: /Hộ kinh doanh Giáp Minh Hằng/ });
    await found.waitFor();
    await found.check();
    await search.fill('');
    await search.pressSequentially('my chu nam duong');
    await page.locator('#kq_co_so').getByRole('checkbox', { name: /mỳ Chũ Nam Dương/ }).check();
    const chosen = page.locator('.picker-chosen').last();
    assert.match(await textOf(chosen), /Giáp Minh Hằng/, 'the first stays chosen through the second search');
    assert.match(await textOf(chosen), /mỳ Chũ Nam Dương/);

    // Money as printed and as said; the server's understanding shows before saving.
    await page.getByRole('textbox', { name: 'Kinh phí ngân sách nhà nước (đồng)', exact: true }).fill('150.000.000');
    await page.locator('#p_kinh_phi_nsnn').filter({ hasText: 'một trăm năm mươi triệu đồng' }).waitFor();
    await page.getByRole('textbox', { name: 'Kinh phí đối ứng (đồng)', exact: true }).fill('400 triệu');
    await page.locator('#p_kinh_phi_doi_ung').filter({ hasText: '400.000.000' }).waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'still no sideways scrolling');

    await Promise.all([
      page.waitForURL((u) => /^\/de-an\/da-/.test(u.pathname)),
      page.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    // The project page names what it refers to, each code small beside its name.
    const record = await textOf(page.locator('main'));
    for (const name of ['Trung tâm Khuyến công tỉnh Bắc Ninh', 'xã Nam Dương', 'Hộ kinh doanh Giáp Minh Hằng', 'mỳ Chũ Nam Dương', '150.000.000', '400.000.000'])
      assert.ok(record.includes(name), `the project page shows ${name}`);
    assert.deepEqual(page.consoleErrors, []);
  });
});
