// Reference fields of the registry forms are pickers (docs/web.md, "Pickers"): with more legal
// documents than a list can offer whole, the document a new one amends is found by typing part
// of its name without diacritics, chosen among the matches (each with its number and date), and
// the saved record names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

test('a legal document is chosen by typing part of its name without diacritics', { timeout: 180_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    // 140 more documents than the demo's 13: past the 150 a <select> offers (picker_fields.h).
    const { csrf } = await (await page.request.get('/api/csrf')).json();
    for (let i = 1; i <= 140; i++) {
      const answer = await page.request.post('/api/van-ban', {
        headers: { 'X-CSRF-Token': csrf },
        data: {
          ma: `cv-thu-${i}`, so_hieu: `${i}/SCT-KC`, loai: 'cong_van', co_quan_ban_hanh: 'Sở Công Thương',
          cap_ban_hanh: 'tinh', ngay_ban_hanh: '2024-03-01', trich_yeu: `Hướng dẫn lập hồ sơ đề án số ${i}`,
        },
      });
      assert.equal(answer.status(), 201, await answer.text());
    }
    await page.goto('/van-ban/moi');
    await page.fill('#f_ma', 'qd-sua-nd45-thu');
    await page.fill('#f_so_hieu', '99/2026/QĐ-UBND');
    await page.getByRole('combobox', { name: 'Loại văn bản', exact: true }).selectOption({ label: 'Quyết định' });
    await page.fill('#f_co_quan_ban_hanh', 'UBND tỉnh Bắc Ninh');
    await page.getByRole('combobox', { name: 'Cấp ban hành', exact: true }).selectOption({ label: 'cấp tỉnh' });
    await page.fill('#f_ngay_ban_hanh', '02/03/2026');
    await page.fill('#f_trich_yeu', 'Hướng dẫn thực hiện khuyến công trên địa bàn tỉnh');

    const search = page.getByRole('searchbox', { name: 'Sửa đổi, bổ sung văn bản' });
    await search.pressSequentially('nghi dinh ve khuyen');
    const found = page.locator('#kq_sua_doi').getByRole('radio', { name: /Nghị định về khuyến công/ });
    await found.waitFor();
    assert.match(await textOf(page.locator('#kq_sua_doi')), /số 45\/2012\/NĐ-CP, 21\/5\/2012/, 'its number and date beside it');
    await found.check();

    await Promise.all([
      page.waitForURL((u) => u.pathname === '/van-ban/qd-sua-nd45-thu'),
      page.getByRole('button', { name: 'Lưu', exact: true }).click(),
    ]);
    assert.match(await textOf(page.locator('main')), /45\/2012\/NĐ-CP/, 'the record names the document it amends');
    const saved = await (await page.request.get('/api/van-ban/qd-sua-nd45-thu')).json();
    assert.equal(saved.ban_ghi.sua_doi, 'nd-45-2012');
    assert.deepEqual(page.consoleErrors, []);
  });
});
