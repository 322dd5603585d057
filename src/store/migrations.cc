#include "store/migrations.h"

#include "store/store.h"

namespace kc {

namespace {

// Foreign keys are checked at commit, so rows of one import may come in any order.
#define KC_REF(table) " REFERENCES " table " DEFERRABLE INITIALLY DEFERRED"

constexpr std::string_view kCore = R"SQL(
CREATE TABLE don_vi_hanh_chinh (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  loai TEXT NOT NULL,
  cap TEXT NOT NULL,
  ma_cap_tren TEXT)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  hieu_luc_tu TEXT NOT NULL,
  hieu_luc_den TEXT
);
CREATE TABLE don_vi_ke_thua (
  don_vi TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  don_vi_ke_thua TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  ngay_hieu_luc TEXT NOT NULL,
  ghi_chu TEXT,
  PRIMARY KEY (don_vi, don_vi_ke_thua)
);
CREATE TABLE van_ban (
  ma TEXT NOT NULL PRIMARY KEY,
  so_hieu TEXT NOT NULL,
  loai TEXT NOT NULL,
  co_quan_ban_hanh TEXT NOT NULL,
  cap_ban_hanh TEXT NOT NULL,
  dia_ban TEXT)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  ngay_ban_hanh TEXT NOT NULL,
  trich_yeu TEXT NOT NULL,
  sua_doi TEXT)SQL" KC_REF("van_ban") R"SQL(,
  thay_the TEXT)SQL" KC_REF("van_ban") R"SQL(
);
CREATE TABLE dia_ban_uu_tien (
  don_vi TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  loai TEXT NOT NULL,
  tu_ngay TEXT NOT NULL,
  den_ngay TEXT,
  can_cu TEXT)SQL" KC_REF("van_ban") R"SQL(,
  PRIMARY KEY (don_vi, loai, tu_ngay)
);
CREATE TABLE noi_dung (
  ma TEXT NOT NULL PRIMARY KEY,
  so_thu_tu BIGINT NOT NULL,
  ten TEXT NOT NULL,
  ten_bao_cao TEXT NOT NULL,
  can_cu TEXT)SQL" KC_REF("van_ban") R"SQL(,
  hieu_luc_tu TEXT NOT NULL,
  hieu_luc_den TEXT
);
CREATE TABLE chi_tieu (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  don_vi_tinh TEXT NOT NULL,
  noi_dung TEXT)SQL" KC_REF("noi_dung") R"SQL(,
  nguon TEXT NOT NULL,
  so_thu_tu BIGINT
);
CREATE TABLE to_chuc (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  ten_viet_tat TEXT,
  loai TEXT NOT NULL,
  to_chuc_cap_tren TEXT)SQL" KC_REF("to_chuc") R"SQL(,
  dia_ban TEXT)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  hieu_luc_tu TEXT,
  hieu_luc_den TEXT
);
CREATE TABLE can_bo (
  ma TEXT NOT NULL PRIMARY KEY,
  ho_ten TEXT NOT NULL,
  to_chuc TEXT NOT NULL)SQL" KC_REF("to_chuc") R"SQL(,
  chuc_vu TEXT,
  vai_tro TEXT NOT NULL,
  tu_ngay TEXT,
  den_ngay TEXT
);
CREATE TABLE ke_hoach (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  loai TEXT NOT NULL,
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  tu_nam BIGINT NOT NULL,
  den_nam BIGINT NOT NULL,
  van_ban_phe_duyet TEXT)SQL" KC_REF("van_ban") R"SQL(,
  ke_hoach_cha TEXT)SQL" KC_REF("ke_hoach") R"SQL(,
  co_quan_bao_cao TEXT)SQL" KC_REF("to_chuc") R"SQL(,
  phuong_huong TEXT
);
CREATE TABLE muc_tieu (
  ke_hoach TEXT NOT NULL)SQL" KC_REF("ke_hoach") R"SQL(,
  chi_tieu TEXT NOT NULL)SQL" KC_REF("chi_tieu") R"SQL(,
  gia_tri BIGINT NOT NULL CHECK (gia_tri >= 0),
  ghi_chu TEXT,
  PRIMARY KEY (ke_hoach, chi_tieu)
);
CREATE TABLE co_so (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  loai TEXT NOT NULL,
  nganh TEXT NOT NULL,
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  dia_chi TEXT,
  ma_so_thue TEXT,
  nam_thanh_lap BIGINT,
  so_lao_dong BIGINT
);
CREATE TABLE de_an (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  noi_dung TEXT NOT NULL)SQL" KC_REF("noi_dung") R"SQL(,
  cap_kinh_phi TEXT NOT NULL,
  nam_bat_dau BIGINT NOT NULL,
  nam_ket_thuc BIGINT NOT NULL,
  don_vi_thuc_hien TEXT NOT NULL)SQL" KC_REF("to_chuc") R"SQL(,
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  kinh_phi_nsnn BIGINT NOT NULL CHECK (kinh_phi_nsnn >= 0),
  kinh_phi_doi_ung BIGINT NOT NULL CHECK (kinh_phi_doi_ung >= 0),
  trang_thai TEXT NOT NULL,
  ngay_phe_duyet TEXT,
  ngay_nghiem_thu TEXT,
  mo_ta TEXT
);
CREATE TABLE de_an_co_so (
  de_an TEXT NOT NULL)SQL" KC_REF("de_an") R"SQL(,
  co_so TEXT NOT NULL)SQL" KC_REF("co_so") R"SQL(,
  PRIMARY KEY (de_an, co_so)
);
CREATE TABLE de_an_ket_qua (
  de_an TEXT NOT NULL)SQL" KC_REF("de_an") R"SQL(,
  chi_tieu TEXT NOT NULL)SQL" KC_REF("chi_tieu") R"SQL(,
  gia_tri BIGINT NOT NULL CHECK (gia_tri >= 0),
  PRIMARY KEY (de_an, chi_tieu)
);
CREATE TABLE hoat_dong (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  noi_dung TEXT NOT NULL)SQL" KC_REF("noi_dung") R"SQL(,
  nam BIGINT NOT NULL,
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  mo_ta TEXT
);
CREATE TABLE lang_nghe (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  nghe TEXT NOT NULL,
  truyen_thong BIGINT NOT NULL,
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  quyet_dinh_cong_nhan TEXT,
  ngay_cong_nhan TEXT NOT NULL,
  ngay_thu_hoi TEXT,
  hoat_dong_hieu_qua BIGINT NOT NULL,
  noi_bat BIGINT NOT NULL,
  so_ho BIGINT
);
CREATE TABLE san_pham (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  co_so TEXT NOT NULL)SQL" KC_REF("co_so") R"SQL(,
  nhom TEXT NOT NULL
);
CREATE TABLE dot_binh_chon (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  cap TEXT NOT NULL,
  nam BIGINT NOT NULL,
  dia_ban TEXT)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(
);
CREATE TABLE ket_qua_binh_chon (
  dot_binh_chon TEXT NOT NULL)SQL" KC_REF("dot_binh_chon") R"SQL(,
  san_pham TEXT NOT NULL)SQL" KC_REF("san_pham") R"SQL(,
  diem BIGINT,
  dat BIGINT NOT NULL,
  so_chung_nhan TEXT,
  PRIMARY KEY (dot_binh_chon, san_pham)
);
CREATE TABLE hoi_cho (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  nam BIGINT NOT NULL,
  dia_diem TEXT NOT NULL,
  de_an TEXT)SQL" KC_REF("de_an") R"SQL(,
  so_luot_tham_gia BIGINT
);
CREATE TABLE cum_cong_nghiep (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  dien_tich_ha BIGINT,
  trang_thai TEXT NOT NULL,
  de_an TEXT)SQL" KC_REF("de_an") R"SQL(
);
CREATE TABLE thong_ke (
  dia_ban TEXT NOT NULL)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  nam BIGINT NOT NULL,
  chi_so TEXT NOT NULL,
  gia_tri BIGINT NOT NULL CHECK (gia_tri >= 0),
  nguon TEXT,
  PRIMARY KEY (dia_ban, nam, chi_so)
);
CREATE INDEX de_an_ket_qua_chi_tieu ON de_an_ket_qua (chi_tieu);
CREATE INDEX de_an_nam ON de_an (nam_bat_dau)
)SQL";

// The system's own records: accounts, sessions, audit trail, archive marks (schema/system_catalog.cc).
constexpr std::string_view kAccounts = R"SQL(
CREATE TABLE nguoi_dung (
  ten_dang_nhap TEXT NOT NULL PRIMARY KEY,
  ho_ten TEXT NOT NULL,
  vai_tro TEXT NOT NULL,
  don_vi TEXT)SQL" KC_REF("don_vi_hanh_chinh") R"SQL(,
  co_so TEXT)SQL" KC_REF("co_so") R"SQL(,
  mat_khau TEXT NOT NULL,
  hoat_dong BIGINT NOT NULL,
  tao_luc TEXT NOT NULL
);
CREATE TABLE phien (
  ma_bam TEXT NOT NULL PRIMARY KEY,
  ten_dang_nhap TEXT NOT NULL)SQL" KC_REF("nguoi_dung") R"SQL(,
  csrf TEXT NOT NULL,
  tao_luc TEXT NOT NULL,
  het_han TEXT NOT NULL
);
CREATE TABLE nhat_ky (
  ma TEXT NOT NULL PRIMARY KEY,
  thoi_diem TEXT NOT NULL,
  nguoi_dung TEXT,
  hanh_dong TEXT NOT NULL,
  loai_ho_so TEXT,
  khoa TEXT,
  truoc TEXT,
  sau TEXT,
  ghi_chu TEXT
);
CREATE INDEX nhat_ky_ho_so ON nhat_ky (loai_ho_so, khoa);
CREATE INDEX nhat_ky_thoi_diem ON nhat_ky (thoi_diem);
CREATE TABLE luu_tru (
  loai_ho_so TEXT NOT NULL,
  khoa TEXT NOT NULL,
  thoi_diem TEXT NOT NULL,
  nguoi_dung TEXT,
  PRIMARY KEY (loai_ho_so, khoa)
)
)SQL";

// The search index of searchable kinds (RecordKind::searchable), kept by the engines.
constexpr std::string_view kSearchIndex = R"SQL(
CREATE TABLE tim_kiem (
  loai_ho_so TEXT NOT NULL,
  khoa TEXT NOT NULL,
  noi_dung TEXT NOT NULL,
  PRIMARY KEY (loai_ho_so, khoa)
)
)SQL";

// Support caps (rules as data) and the project lifecycle's own records.
constexpr std::string_view kLifecycle = R"SQL(
CREATE TABLE muc_ho_tro (
  ma TEXT NOT NULL PRIMARY KEY,
  noi_dung TEXT)SQL" KC_REF("noi_dung") R"SQL(,
  cap_kinh_phi TEXT,
  mo_ta TEXT NOT NULL,
  ty_le_toi_da BIGINT,
  muc_toi_da BIGINT CHECK (muc_toi_da >= 0),
  hieu_luc_tu TEXT NOT NULL,
  hieu_luc_den TEXT,
  can_cu TEXT)SQL" KC_REF("van_ban") R"SQL(
);
CREATE TABLE de_an_su_kien (
  ma TEXT NOT NULL PRIMARY KEY,
  de_an TEXT NOT NULL)SQL" KC_REF("de_an") R"SQL(,
  loai TEXT NOT NULL,
  tu_trang_thai TEXT,
  den_trang_thai TEXT,
  ngay TEXT NOT NULL,
  so_quyet_dinh TEXT,
  ghi_chu TEXT,
  nguoi_dung TEXT NOT NULL,
  thoi_diem TEXT NOT NULL
);
CREATE INDEX de_an_su_kien_de_an ON de_an_su_kien (de_an);
CREATE TABLE tai_lieu (
  ma TEXT NOT NULL PRIMARY KEY,
  de_an TEXT NOT NULL)SQL" KC_REF("de_an") R"SQL(,
  su_kien TEXT)SQL" KC_REF("de_an_su_kien") R"SQL(,
  ten_tep TEXT NOT NULL,
  loai_tep TEXT NOT NULL,
  kich_thuoc BIGINT NOT NULL,
  ten_luu TEXT NOT NULL,
  nguoi_dung TEXT NOT NULL,
  thoi_diem TEXT NOT NULL
);
CREATE INDEX tai_lieu_de_an ON tai_lieu (de_an);
CREATE TABLE dieu_chinh (
  ma TEXT NOT NULL PRIMARY KEY,
  de_an TEXT NOT NULL)SQL" KC_REF("de_an") R"SQL(,
  noi_dung_dieu_chinh TEXT NOT NULL,
  de_nghi TEXT NOT NULL,
  ly_do TEXT NOT NULL,
  trang_thai TEXT NOT NULL,
  nguoi_de_nghi TEXT NOT NULL,
  thoi_diem_de_nghi TEXT NOT NULL,
  nguoi_duyet TEXT,
  thoi_diem_duyet TEXT,
  so_quyet_dinh TEXT,
  ghi_chu_duyet TEXT
);
CREATE INDEX dieu_chinh_de_an ON dieu_chinh (de_an)
)SQL";

// One-time password reset codes (accounts/password_reset.h): only their hash is kept.
constexpr std::string_view kPasswordReset = R"SQL(
CREATE TABLE dat_lai_mat_khau (
  ma_bam TEXT NOT NULL PRIMARY KEY,
  ten_dang_nhap TEXT NOT NULL)SQL" KC_REF("nguoi_dung") R"SQL(,
  nguoi_cap TEXT NOT NULL,
  tao_luc TEXT NOT NULL,
  het_han TEXT NOT NULL,
  da_dung TEXT
);
CREATE INDEX dat_lai_mat_khau_nguoi_dung ON dat_lai_mat_khau (ten_dang_nhap)
)SQL";

// Lists are ordered by their key in byte order (COLLATE "C", as SQLite's BINARY); the primary
// key's index has the database's collation, so PostgreSQL sorted every matching row to return a
// page (~100 ms over 100.000 projects). These indexes give it the order directly. SQLite's
// primary key indexes already are in byte order.
constexpr std::string_view kKeyOrderPostgres = R"SQL(
CREATE INDEX co_so_ma_c ON co_so (ma COLLATE "C");
CREATE INDEX lang_nghe_ma_c ON lang_nghe (ma COLLATE "C");
CREATE INDEX san_pham_ma_c ON san_pham (ma COLLATE "C");
CREATE INDEX hoi_cho_ma_c ON hoi_cho (ma COLLATE "C");
CREATE INDEX cum_cong_nghiep_ma_c ON cum_cong_nghiep (ma COLLATE "C");
CREATE INDEX van_ban_ma_c ON van_ban (ma COLLATE "C");
CREATE INDEX don_vi_hanh_chinh_ma_c ON don_vi_hanh_chinh (ma COLLATE "C");
CREATE INDEX de_an_ma_c ON de_an (ma COLLATE "C");
CREATE INDEX can_bo_ma_c ON can_bo (ma COLLATE "C");
CREATE INDEX ke_hoach_ma_c ON ke_hoach (ma COLLATE "C")
)SQL";

// An establishment's projects (its home page, the projects it sees, the picker's scope) are
// looked up by establishment: without this index every lookup read all the links (251.630 at
// national scale, 40–110 ms).
constexpr std::string_view kEstablishmentProjects = R"SQL(
CREATE INDEX de_an_co_so_co_so ON de_an_co_so (co_so)
)SQL";

// The annual plan a project was approved into, recorded on the approval event
// (docs/web-plans.md, "Projects and plans").
constexpr std::string_view kApprovalPlan = R"SQL(
ALTER TABLE de_an_su_kien ADD COLUMN ke_hoach TEXT)SQL" KC_REF("ke_hoach") R"SQL(
)SQL";

// Reports as records (drafts/report_drafts.h): kinds, reports, their sections' current text,
// every saved version, every step of the status flow and the issued documents. The three kinds
// of report the program computes are in every database, whatever bundle it was given.
constexpr std::string_view kReportDrafts = R"SQL(
CREATE TABLE loai_bao_cao (
  ma TEXT NOT NULL PRIMARY KEY,
  ten TEXT NOT NULL,
  cau_truc TEXT NOT NULL
);
INSERT INTO loai_bao_cao (ma, ten, cau_truc) VALUES
  ('giai_doan', 'Báo cáo kết quả hoạt động khuyến công giai đoạn', 'giai_doan'),
  ('nam', 'Báo cáo kết quả thực hiện kế hoạch khuyến công năm', 'nam'),
  ('sau_thang', 'Báo cáo kết quả thực hiện kế hoạch khuyến công sáu tháng đầu năm', 'sau_thang');
CREATE TABLE bao_cao (
  ma TEXT NOT NULL PRIMARY KEY,
  loai_bao_cao TEXT NOT NULL)SQL" KC_REF("loai_bao_cao") R"SQL(,
  ke_hoach TEXT)SQL" KC_REF("ke_hoach") R"SQL(,
  nam BIGINT,
  co_quan TEXT)SQL" KC_REF("to_chuc") R"SQL(,
  trang_thai TEXT NOT NULL,
  so_ky_hieu TEXT,
  ngay_ban_hanh TEXT,
  tham_quyen_ky TEXT,
  chuc_vu_ky TEXT,
  nguoi_ky TEXT,
  noi_nhan TEXT,
  kem_bieu_do BIGINT
);
CREATE TABLE bao_cao_muc (
  bao_cao TEXT NOT NULL)SQL" KC_REF("bao_cao") R"SQL(,
  muc TEXT NOT NULL,
  noi_dung TEXT NOT NULL,
  PRIMARY KEY (bao_cao, muc)
);
CREATE TABLE bao_cao_phien_ban (
  bao_cao TEXT NOT NULL)SQL" KC_REF("bao_cao") R"SQL(,
  muc TEXT NOT NULL,
  phien_ban BIGINT NOT NULL,
  noi_dung TEXT NOT NULL,
  nguoi_dung TEXT NOT NULL,
  thoi_diem TEXT NOT NULL,
  PRIMARY KEY (bao_cao, muc, phien_ban)
);
CREATE TABLE bao_cao_su_kien (
  ma TEXT NOT NULL PRIMARY KEY,
  bao_cao TEXT NOT NULL)SQL" KC_REF("bao_cao") R"SQL(,
  hanh_dong TEXT NOT NULL,
  tu_trang_thai TEXT,
  den_trang_thai TEXT,
  ghi_chu TEXT,
  nguoi_dung TEXT NOT NULL,
  thoi_diem TEXT NOT NULL
);
CREATE INDEX bao_cao_su_kien_bao_cao ON bao_cao_su_kien (bao_cao);
CREATE TABLE bao_cao_ban_hanh (
  bao_cao TEXT NOT NULL)SQL" KC_REF("bao_cao") R"SQL(,
  dinh_dang TEXT NOT NULL,
  noi_dung TEXT NOT NULL,
  ma_bam TEXT NOT NULL,
  so_lieu TEXT NOT NULL,
  PRIMARY KEY (bao_cao, dinh_dang)
)
)SQL";

#undef KC_REF

// SQLite only: the search index gets a number per entry and an FTS5 trigram index over its folded
// text (docs/databases.md, "Search"). Each searchable kind has a number (tim_kiem_loai); its entries
// are numbered from that number × 2^32, so one kind's entries are one range of the trigram index.
// The index holds no copy of the text (content='tim_kiem') and no positions (detail=none): it
// names the candidate entries, and LIKE over tim_kiem.noi_dung still decides, as before.
// The triggers keep it in step with every write of tim_kiem: a new entry waits in tim_kiem_chua and
// the store adds the waiting entries to the index in one statement just before each commit
// (SqliteStore::commit): FTS5 costs ~46 µs a row written one statement at a time, ~6 µs in bulk.
constexpr std::string_view kSearchTrigramsSqlite = R"SQL(
CREATE TABLE tim_kiem_loai (
  so INTEGER PRIMARY KEY,
  loai_ho_so TEXT NOT NULL UNIQUE
);
INSERT INTO tim_kiem_loai (loai_ho_so) SELECT DISTINCT loai_ho_so FROM tim_kiem ORDER BY loai_ho_so;
ALTER TABLE tim_kiem RENAME TO tim_kiem_cu;
CREATE TABLE tim_kiem (
  so INTEGER PRIMARY KEY,
  loai_ho_so TEXT NOT NULL,
  khoa TEXT NOT NULL,
  noi_dung TEXT NOT NULL,
  UNIQUE (loai_ho_so, khoa)
);
INSERT INTO tim_kiem (so, loai_ho_so, khoa, noi_dung)
  SELECT (l.so << 32) + row_number() OVER (PARTITION BY c.loai_ho_so ORDER BY c.khoa), c.loai_ho_so, c.khoa, c.noi_dung
  FROM tim_kiem_cu c JOIN tim_kiem_loai l ON l.loai_ho_so = c.loai_ho_so;
DROP TABLE tim_kiem_cu;
CREATE VIRTUAL TABLE tim_kiem_bo_ba USING fts5(
  noi_dung, content = 'tim_kiem', content_rowid = 'so', tokenize = 'trigram case_sensitive 1', detail = none
);
INSERT INTO tim_kiem_bo_ba (tim_kiem_bo_ba) VALUES ('rebuild');
CREATE TABLE tim_kiem_chua (so INTEGER PRIMARY KEY);
CREATE TRIGGER tim_kiem_them AFTER INSERT ON tim_kiem BEGIN
  INSERT INTO tim_kiem_chua (so) VALUES (new.so);
END;
CREATE TRIGGER tim_kiem_xoa AFTER DELETE ON tim_kiem BEGIN
  INSERT INTO tim_kiem_bo_ba (tim_kiem_bo_ba, rowid, noi_dung)
    SELECT 'delete', old.so, old.noi_dung WHERE NOT EXISTS (SELECT 1 FROM tim_kiem_chua WHERE so = old.so);
  DELETE FROM tim_kiem_chua WHERE so = old.so;
END;
CREATE TRIGGER tim_kiem_sua AFTER UPDATE ON tim_kiem BEGIN
  INSERT INTO tim_kiem_bo_ba (tim_kiem_bo_ba, rowid, noi_dung)
    SELECT 'delete', old.so, old.noi_dung WHERE NOT EXISTS (SELECT 1 FROM tim_kiem_chua WHERE so = old.so);
  DELETE FROM tim_kiem_chua WHERE so = old.so;
  INSERT INTO tim_kiem_chua (so) VALUES (new.so);
END
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "core records of the khuyến công program", kCore},
      {2, "accounts, sessions, audit trail, archive marks", kAccounts},
      {3, "search index ignoring diacritics and case", kSearchIndex},
      {4, "support caps and the project lifecycle (events, documents, amendments)", kLifecycle},
      {5, "lists in key order without sorting (PostgreSQL)", "", kKeyOrderPostgres},
      {6, "one-time password reset codes", kPasswordReset},
      {7, "an establishment's projects found by establishment", kEstablishmentProjects},
      {8, "the annual plan a project is approved into, on the approval event", kApprovalPlan},
      {9, "reports as records: kinds, drafts, section versions, status steps, issued documents", kReportDrafts},
      {10, "search through a trigram index (SQLite)", "", "", kSearchTrigramsSqlite},
  };
  return all;
}

int latest_schema_version() { return migrations().back().version; }

void refuse_newer_schema(int recorded, const std::string& database) {
  const int latest = latest_schema_version();
  if (recorded <= latest) return;
  throw NewerSchemaError("Cơ sở dữ liệu " + database + " có lược đồ phiên bản " + std::to_string(recorded) +
                   ", mới hơn phiên bản " + std::to_string(latest) +
                   " mà chương trình này biết: nó do một bản khuyencong mới hơn tạo ra và không thể hạ "
                   "cấp. Hãy dùng bản khuyencong mới hơn; cơ sở dữ liệu chưa bị thay đổi.");
}

}  // namespace kc
