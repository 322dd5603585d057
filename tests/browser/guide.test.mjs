// The user guide's pictures (/huong-dan): each role signs in on the demo, opens the page its
// section of the guide shows, and the page is saved as web/static/huong-dan-<section>.png at a
// fixed 1024×640 viewport. Running this test refreshes the pictures; commit them when the UI
// changes (docs/testing.md). The guide's markup references exactly these names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { useWorkspace, withPage } from './support/browser.mjs';
import { sourceDir } from './support/server.mjs';

const ws = useWorkspace();
const WIDTH = 1024;
const HEIGHT = 640;

// section of the guide → the role whose page it shows and that page.
const SHOTS = [
  { section: 'viec-cua-toi', role: 'trung_tam', path: '/viec-cua-toi' },
  { section: 'co-so', role: 'co_so', path: '/viec-cua-toi' },
  { section: 'dia-phuong', role: 'dia_phuong', path: '/de-an/moi' },
  { section: 'trung-tam', role: 'trung_tam', path: '/tong-quan' },
  { section: 'so-cong-thuong', role: 'so_cong_thuong', path: '/ke-hoach' },
  { section: 'quan-tri', role: 'quan_tri', path: '/quan-tri/tai-khoan' },
];

// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).
function pngSize(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length };
}

for (const shot of SHOTS) {
  test(`the guide's picture "${shot.section}": ${shot.role} on ${shot.path}`, { timeout: 90_000 }, async (t) => {
    await withPage(t, ws, { role: shot.role, viewport: { width: WIDTH, height: HEIGHT } }, async (page) => {
      const answer = await page.goto(shot.path);
      assert.equal(answer.status(), 200);
      const file = path.join(sourceDir, 'web', 'static', `huong-dan-${shot.section}.png`);
      await page.screenshot({ path: file, type: 'png', clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
      const size = pngSize(file);
      assert.deepEqual({ width: size.width, height: size.height }, { width: WIDTH, height: HEIGHT });
      t.diagnostic(`${file}: ${size.bytes} bytes`);
      assert.deepEqual(page.consoleErrors, []);
    });
  });
}

test('the guide references every picture this test takes, with an alt text', { timeout: 30_000 }, async (t) => {
  await withPage(t, ws, {}, async (page) => {
    await page.goto('/huong-dan');
    const imgs = await page.locator('main img').evaluateAll((els) => els.map((e) => ({ src: e.getAttribute('src'), alt: e.alt })));
    assert.deepEqual(imgs.map((i) => i.src).sort(), SHOTS.map((s) => `/static/huong-dan-${s.section}.png`).sort());
    for (const i of imgs) assert.ok(i.alt.length > 0, `${i.src} has an alt text`);
  });
});
