// A visitor without an account sees the published information only: the home page figures and
// the public registries; establishments, the dashboard, reports and administration ask for
// sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

test('the home page shows the plan figures to everyone', { timeout: 60_000 }, async (t) => {
  await withPage(t, ws, async (page) => {
    await page.goto('/');
    const card = page.locator('article.card', { hasText: 'Bắc Giang' });
    assert.equal(await card.count(), 1);
    const figures = await textOf(card.locator('dl.figures'));
    assert.match(figures, /Số đề án 297/);
    assert.match(figures, /Kinh phí ngân sách nhà nước 30\.722,3 triệu đồng/);
    assert.ok((await card.locator('table.data tbody tr').count()) > 0, 'projects by content');
    const nav = await page.locator('nav[aria-label="Điều hướng chính"] a').allInnerTexts();
    assert.deepEqual(nav.map((s) => s.trim()).filter((s) => ['Tổng quan', 'Báo cáo', 'Tài khoản', 'Nhật ký'].includes(s)), []);
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('a visitor reads the public registries but not the private ones', { timeout: 60_000 }, async (t) => {
  await withPage(t, ws, async (page) => {
    await page.goto('/danh-muc');
    const titles = (await page.locator('main .card h2').allInnerTexts()).map((s) => s.trim());
    assert.ok(titles.includes('Làng nghề'), `registries: ${titles}`);
    assert.ok(!titles.includes('Cơ sở công nghiệp nông thôn'), 'establishments are not public');
    assert.ok(!titles.includes('Cán bộ'), 'staff are not public');

    await page.goto('/lang-nghe');
    assert.equal(await textOf(page.locator('h1')), 'Làng nghề');
    const rows = page.locator('main table.data tbody tr');
    assert.ok((await rows.count()) > 1, 'craft villages are listed');
    assert.equal(await page.locator('main a.button:has-text("Thêm mới")').count(), 0, 'no create button');

    // A record's detail: the published fields, no editing and no change history.
    await Promise.all([page.waitForURL(/\/lang-nghe\/[^/]+$/), rows.first().locator('a').first().click()]);
    assert.ok((await page.locator('dl.record div').count()) > 2);
    assert.equal(await page.locator('main a.button:has-text("Sửa")').count(), 0);
    assert.equal(await page.locator('main h2:has-text("Lịch sử thay đổi")').count(), 0);
    assert.deepEqual(page.consoleErrors, []);
  });
});

for (const path of ['/co-so', '/co-so/cs-0046', '/co-so/moi', '/tong-quan', '/bao-cao', '/quan-tri/tai-khoan', '/quan-tri/nhat-ky']) {
  test(`a visitor is sent to sign in for ${path}`, { timeout: 60_000 }, async (t) => {
    await withPage(t, ws, async (page) => {
      await page.goto(path);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/dang-nhap');
      assert.equal(url.searchParams.get('tiep'), path);
      assert.equal(await textOf(page.locator('h1')), 'Đăng nhập');
      // Nothing of the protected page leaked into the sign-in page.
      assert.equal(await page.locator('main table').count(), 0);
    });
  });
}
