// Signing in: every role lands on its own page with its own navigation; a wrong password is
// refused with the Vietnamese message and the form keeps the username.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { signIn, textOf, useWorkspace, withPage } from './support/browser.mjs';
import { PASSWORD, USERS } from './support/server.mjs';

const ws = useWorkspace();

// For each role: where sign-in lands (every role: its home page, "Việc của tôi"), which
// navigation links it must have and must not have.
const HOME = '/viec-cua-toi';
const EXPECTED = {
  quan_tri: { landing: HOME, has: ['Trang chủ', 'Việc của tôi', 'Tổng quan', 'Danh mục', 'Báo cáo', 'Tài khoản', 'Nhật ký'], lacks: [] },
  so_cong_thuong: { landing: HOME, has: ['Trang chủ', 'Việc của tôi', 'Tổng quan', 'Danh mục', 'Báo cáo'], lacks: ['Tài khoản', 'Nhật ký'] },
  trung_tam: { landing: HOME, has: ['Trang chủ', 'Việc của tôi', 'Tổng quan', 'Danh mục', 'Báo cáo'], lacks: ['Tài khoản', 'Nhật ký'] },
  dia_phuong: { landing: HOME, has: ['Trang chủ', 'Việc của tôi', 'Danh mục', 'Báo cáo'], lacks: ['Tổng quan', 'Tài khoản', 'Nhật ký'] }, // reads its area's reports
  co_so: { landing: HOME, has: ['Trang chủ', 'Việc của tôi', 'Danh mục'], lacks: ['Tổng quan', 'Báo cáo', 'Tài khoản', 'Nhật ký'] },
};

// The labels without the home page's count ("Việc của tôi (4)" -> "Việc của tôi").
async function navLabels(page) {
  const labels = await page.locator('nav[aria-label="Điều hướng chính"] a').allInnerTexts();
  return labels.map((s) => s.trim().replace(/ \([\d.]+\)$/, ''));
}

for (const [role, expected] of Object.entries(EXPECTED)) {
  test(`sign in as ${role} lands on ${expected.landing} with its navigation`, { timeout: 60_000 }, async (t) => {
    await withPage(t, ws, async (page) => {
      await signIn(page, role);
      assert.equal(new URL(page.url()).pathname, expected.landing);
      const labels = (await navLabels(page)).map((s) => s.trim());
      for (const label of expected.has) assert.ok(labels.includes(label), `${role} should see "${label}" in ${labels}`);
      for (const label of expected.lacks) assert.ok(!labels.includes(label), `${role} should not see "${label}"`);
      // The current page is marked in the navigation, and the header names who is signed in.
      const current = page.locator('nav[aria-label="Điều hướng chính"] a[aria-current="page"]');
      assert.equal(await current.getAttribute('href'), expected.landing);
      assert.match(await textOf(page.locator('.account')), new RegExp(USERS[role].name));
      assert.equal(await page.locator('.account button', { hasText: 'Đăng xuất' }).count(), 1);

      // Signing out brings the public header back.
      await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('.account button')]);
      assert.equal(await page.locator('.account a[href="/dang-nhap"]').count(), 1);
      assert.deepEqual(page.consoleErrors, []);
    });
  });
}

test('a wrong password shows the Vietnamese error and keeps the username', { timeout: 60_000 }, async (t) => {
  await withPage(t, ws, async (page) => {
    await page.goto('/dang-nhap');
    await page.fill('#ten_dang_nhap', 'trungtam');
    await page.fill('#mat_khau', `${PASSWORD}-sai`);
    await page.click('main form button[type="submit"]');
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor();
    assert.match(await textOf(alert), /Tên đăng nhập hoặc mật khẩu không đúng/);
    assert.equal(new URL(page.url()).pathname, '/dang-nhap');
    assert.equal(await page.inputValue('#ten_dang_nhap'), 'trungtam');
    assert.equal(await page.inputValue('#mat_khau'), '');
    assert.equal(await page.locator('.account a[href="/dang-nhap"]').count(), 1, 'still signed out');
  });
});

test('a page that needs an account sends to sign-in and back after it', { timeout: 60_000 }, async (t) => {
  await withPage(t, ws, async (page) => {
    await page.goto('/bao-cao');
    assert.equal(new URL(page.url()).pathname, '/dang-nhap');
    await page.fill('#ten_dang_nhap', 'socongthuong');
    await page.fill('#mat_khau', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap')),
      page.click('main form button[type="submit"]'),
    ]);
    assert.equal(new URL(page.url()).pathname, '/bao-cao');
  });
});
