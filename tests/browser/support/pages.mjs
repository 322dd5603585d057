// Every GET page of the product, with the roles that reach it: the list the phone-width test
// (phone.test.mjs) and the accessibility test (axe.test.mjs) walk.
//
// The route table lives in the server: each `app.add({"GET", path, name, …})` in src/web/*.cc.
// The concrete paths below are those of tests/web_access_test.cc (its role × route matrix);
// `uncoveredGetRoutes()` reads the route table from the sources and names any GET route this
// list neither visits nor skips with a reason, so a new page cannot stay out of these tests.
import fs from 'node:fs';
import path from 'node:path';

import { withPage } from './browser.mjs';
import { sourceDir } from './server.mjs';

export const ROLES = ['public', 'quan_tri', 'so_cong_thuong', 'trung_tam', 'dia_phuong', 'co_so'];
const SIGNED_IN = ROLES.filter((r) => r !== 'public');
const STAFF = ['quan_tri', 'so_cong_thuong', 'trung_tam'];
const PROPOSERS = ['so_cong_thuong', 'trung_tam', 'dia_phuong', 'co_so'];
const PLAN_EDITORS = ['so_cong_thuong', 'trung_tam'];
const REPORT_READERS = [...STAFF, 'dia_phuong'];

// The demo's issued 2016–2020 phase report (data/demo/bao_cao.csv), and a phase report draft
// made by `makeDraftReport` that the centre may still edit.
export const ISSUED_REPORT = 'bg-bc-2016-2020';
export const DRAFT_REPORT = '{draft-report}';

// A project in `dang_ky_nhu_cau` that every proposer may edit, made by `makeEditableProject`
// (the demo data holds no project that can still be edited directly).
export const EDITABLE_PROJECT = '{editable}';

// The registries (src/web/registries.cc) with a record every reader may see, as in
// tests/web_access_test.cc; `readers` and `writers` as that test's kRegistries.
const STAFF_AND_LOCAL = ['quan_tri', 'so_cong_thuong', 'trung_tam', 'dia_phuong'];
export const REGISTRIES = [
  { kind: 'co_so', slug: 'co-so', key: 'cs-0046', readers: SIGNED_IN, writers: STAFF_AND_LOCAL },
  { kind: 'lang_nghe', slug: 'lang-nghe', key: 'ln-01', readers: ROLES, writers: STAFF },
  { kind: 'san_pham', slug: 'san-pham', key: 'sp-001', readers: ROLES, writers: STAFF },
  { kind: 'hoi_cho', slug: 'hoi-cho', key: 'hc-2016-01', readers: ROLES, writers: STAFF },
  { kind: 'cum_cong_nghiep', slug: 'cum-cong-nghiep', key: 'ccn-chau-minh-bac-ly', readers: ROLES, writers: STAFF },
  { kind: 'van_ban', slug: 'van-ban', key: 'nd-235-2025', readers: ROLES, writers: STAFF },
  { kind: 'don_vi_hanh_chinh', slug: 'don-vi-hanh-chinh', key: 'bg-luc-ngan', readers: ROLES, writers: ['quan_tri', 'so_cong_thuong'] },
  { kind: 'can_bo', slug: 'can-bo', key: 'pkt-hiep-hoa-01', readers: STAFF, writers: STAFF },
];

// HTML pages: route name → { path, roles }.
export const HTML_PAGES = [
  { route: 'trang_chu', path: '/', roles: ROLES },
  { route: 'huong_dan', path: '/huong-dan', roles: ROLES },
  { route: 'dang_nhap', path: '/dang-nhap', roles: ['public'] }, // a signed-in caller is sent on
  { route: 'viec_cua_toi', path: '/viec-cua-toi', roles: SIGNED_IN },
  { route: 'tong_quan', path: '/tong-quan', roles: STAFF },
  { route: 'bao_cao', path: '/bao-cao', roles: REPORT_READERS },
  { route: 'bao_cao_chi_tiet', path: `/bao-cao/${ISSUED_REPORT}`, roles: REPORT_READERS },
  { route: 'bao_cao_chi_tiet', path: `/bao-cao/${DRAFT_REPORT}`, roles: PLAN_EDITORS }, // its step forms
  { route: 'bao_cao_muc', path: `/bao-cao/${DRAFT_REPORT}/muc/I.3.2`, roles: ['trung_tam'] }, // the editor
  { route: 'bao_cao_muc', path: `/bao-cao/${ISSUED_REPORT}/muc/I.3.1`, roles: REPORT_READERS }, // read only
  { route: 'bao_cao_lich_su', path: `/bao-cao/${ISSUED_REPORT}/muc/I.3.1/lich-su`, roles: REPORT_READERS },
  { route: 'nhap_du_lieu', path: '/nhap-du-lieu', roles: ['quan_tri', 'trung_tam'] },
  { route: 'tai_khoan', path: '/quan-tri/tai-khoan', roles: ['quan_tri'] },
  { route: 'nhat_ky', path: '/quan-tri/nhat-ky', roles: ['quan_tri'] },
  { route: 'tai_khoan_sua', path: '/quan-tri/tai-khoan/diaphuong', roles: ['quan_tri'] },
  { route: 'doi_mat_khau', path: '/tai-khoan/doi-mat-khau', roles: SIGNED_IN },
  { route: 'dat_lai_mat_khau', path: '/dat-lai-mat-khau', roles: ROLES },
  { route: 'danh_muc', path: '/danh-muc', roles: ROLES },
  { route: 'de_an_danh_sach', path: '/de-an', roles: ROLES },
  { route: 'de_an_chi_tiet', path: '/de-an/bg-2017-t-011', roles: ROLES }, // settled, Lục Ngạn, benefits cs-0046
  { route: 'de_an_chi_tiet', path: '/de-an/bg-2021-t-001', roles: ['trung_tam'] }, // in progress: the step and amendment forms
  { route: 'de_an_them', path: '/de-an/moi', roles: PROPOSERS },
  { route: 'de_an_sua', path: `/de-an/${EDITABLE_PROJECT}/sua`, roles: PROPOSERS },
  { route: 'ke_hoach_danh_sach', path: '/ke-hoach', roles: STAFF },
  { route: 'ke_hoach_chi_tiet', path: '/ke-hoach/bg-2016-2020', roles: STAFF },
  { route: 'ke_hoach_them', path: '/ke-hoach/moi', roles: PLAN_EDITORS },
  { route: 'ke_hoach_sua', path: '/ke-hoach/bg-2016-2020/sua', roles: PLAN_EDITORS },
  ...REGISTRIES.flatMap((r) => [
    { route: `${r.kind}_danh_sach`, path: `/${r.slug}`, roles: r.readers },
    { route: `${r.kind}_chi_tiet`, path: `/${r.slug}/${r.key}`, roles: r.readers },
    { route: `${r.kind}_them`, path: `/${r.slug}/moi`, roles: r.writers },
    { route: `${r.kind}_sua`, path: `/${r.slug}/${r.key}/sua`, roles: r.writers },
  ]),
];

// GET routes that are not pages, with why they are left out.
const NOT_HTML = {
  healthz: 'plain text for monitoring',
  bieu_tuong: 'the favicon (SVG)',
  tep_tinh: 'static files (CSS, JavaScript)',
  thu_vien: 'vendored JavaScript (htmx, Chart.js)',
  tong_quan_csv: 'a CSV download',
  bao_cao_tai: 'a report download (DOCX, PDF, HTML document, Markdown, JSON)',
  bao_cao_van_ban: 'a report download (DOCX, PDF, HTML document, Markdown, JSON)',
  nhap_du_lieu_mau: 'an XLSX download',
  de_an_tai_lieu: 'an attached document download',
  de_an_ho_so: 'a ZIP dossier download',
  viec_nen: "a background job's page, its owner's alone: jobs.test.mjs (390 px, axe, htmx polling, without JavaScript)",
  viec_nen_trang_thai: 'an HTML fragment for htmx (a background job\'s status), not a page',
  viec_nen_tai_ve: 'a background job\'s file download',
  dinh_dang_tien: 'an HTML fragment for htmx (the line beside money fields), not a page',
  chon: 'an HTML fragment for htmx (picker matches), not a page',
  api_csrf: 'JSON API',
  api_openapi: 'JSON API',
  api_tong_hop: 'JSON API',
  api_chon: 'JSON API',
};
const isApiRoute = (name) => name.startsWith('api_') || /_api_/.test(name);

// The GET routes registered in src/web/*.cc, by name. `id + "_danh_sach"`-style names (one per
// registry) are expanded with the registries' kinds read from src/web/registries.cc (each entry
// starts {"slug", "kind", "Title", …}; a path may be a raw string holding commas).
export function getRoutesOfServer() {
  const dir = path.join(sourceDir, 'src', 'web');
  const registryKinds = [];
  const registriesSource = fs.readFileSync(path.join(dir, 'registries.cc'), 'utf8');
  for (const m of registriesSource.matchAll(/\{"([a-z-]+)", "([a-z_]+)", "[^"a-z][^"]*",/g)) registryKinds.push(m[2]);
  const names = new Set();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cc'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const idSuffix = (source.match(/id = r\.kind \+ "(_[a-z]+)"/) || [null, ''])[1]; // the API's "co_so_api_…"
    for (const m of source.matchAll(/app\.add\(\{"GET",\s*(?:R"\(.*?\)"|[^,]+),\s*([^,]+),/g)) {
      const name = m[1].trim();
      const literal = name.match(/^"([^"]+)"$/);
      const suffix = name.match(/^id \+ "(_[a-z_]+)"$/);
      const either = name.match(/^api \? "([a-z_]+)" : "([a-z_]+)"$/);
      if (literal) names.add(literal[1]);
      else if (either) { names.add(either[1]); names.add(either[2]); }
      else if (suffix) for (const kind of registryKinds) names.add(kind + idSuffix + suffix[1]);
      else names.add(`<unread: ${name} in ${file}>`);
    }
  }
  return [...names].sort();
}

// Project pages are registered by pages_projects.cc for the de_an kind, not as a registry.
const PROJECT_KIND_ROUTES = ['de_an_danh_sach', 'de_an_them', 'de_an_chi_tiet', 'de_an_sua'];

// GET routes of the server that are neither visited nor skipped with a reason.
export function uncoveredGetRoutes() {
  const visited = new Set(HTML_PAGES.map((p) => p.route));
  return getRoutesOfServer().filter((name) => !visited.has(name) && !(name in NOT_HTML) && !isApiRoute(name)
    && !PROJECT_KIND_ROUTES.includes(name));
}

// Every (page, role) pair, grouped by role: [{ role, pages: [{ route, path }] }].
export function pagesByRole() {
  return ROLES.map((role) => ({ role, pages: HTML_PAGES.filter((p) => p.roles.includes(role)) }));
}

export const notHtmlRoutes = () => ({ ...NOT_HTML, '(every route named api_… or …_api_…)': 'JSON API' });

// Makes a project in `dang_ky_nhu_cau` in Lục Ngạn benefiting cs-0046 through the JSON API, as
// the centre (`page` is signed in as trung_tam), and returns its code.
export async function makeEditableProject(page) {
  const { csrf } = await (await page.request.get('/api/csrf')).json();
  const response = await page.request.post('/api/de-an', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      ten: 'Đề án thử màn hình điện thoại', noi_dung: 'nd45-3', cap_kinh_phi: 'tinh', nam_bat_dau: 2024,
      nam_ket_thuc: 2024, don_vi_thuc_hien: 'ttkc-bg', dia_ban: 'bg-luc-ngan', kinh_phi_nsnn: 75000000,
      kinh_phi_doi_ung: 75000000, mo_ta: '', co_so: ['cs-0046'],
    },
  });
  if (response.status() !== 201) throw new Error(`POST /api/de-an answered ${response.status()}: ${await response.text()}`);
  return (await response.json()).ban_ghi.ma;
}

// Makes a phase report draft of the demo's 2016–2020 plan through the "Lập báo cáo mới" form, as
// the centre (`page` is signed in as trung_tam), and returns its code.
export async function makeDraftReport(page) {
  const { csrf } = await (await page.request.get('/api/csrf')).json();
  const form = await (await page.request.get('/bao-cao')).text();
  const kind = form.match(/<option value="([^"]+)"[^>]*>[^<]*giai đoạn/);
  if (!kind) throw new Error('the centre\'s /bao-cao offers no phase report kind');
  const response = await page.request.post('/bao-cao', {
    headers: { 'X-CSRF-Token': csrf },
    form: { loai_bao_cao: kind[1], ke_hoach: 'bg-2016-2020', nam: '' },
    maxRedirects: 0,
  });
  const location = response.headers().location || '';
  if (response.status() !== 303 || !location.startsWith('/bao-cao/')) throw new Error(`POST /bao-cao answered ${response.status()}: ${location}`);
  return location.slice('/bao-cao/'.length);
}

// Records the page lists need and the demo lacks, by the placeholder standing for their code.
const MADE_RECORDS = { [EDITABLE_PROJECT]: makeEditableProject, [DRAFT_REPORT]: makeDraftReport };

// A function (t, pattern) → the concrete path, each placeholder's record made once per test
// file by the centre.
export function concretePaths(ws) {
  const made = {};
  return async (t, pattern) => {
    let concrete = pattern;
    for (const [placeholder, make] of Object.entries(MADE_RECORDS)) {
      if (!concrete.includes(placeholder)) continue;
      if (!made[placeholder]) made[placeholder] = withPage(t, ws, { role: 'trung_tam' }, make);
      concrete = concrete.replace(placeholder, await made[placeholder]);
    }
    return concrete;
  };
}
