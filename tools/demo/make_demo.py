#!/usr/bin/env python3
"""Writes the demo import bundle of khuyencong into data/demo/.

The bundle reconstructs Bắc Giang's khuyến công programme 2016-2020 so that the figures of the
province's five-year report (/work/shared/seed/bao-cao-khuyen-cong-bac-giang-2016-2020.txt)
follow by computation from individual records. Published totals are met exactly; the individual
records behind them are synthesised deterministically (fixed random seed), so running this script
twice writes byte-identical files.

Usage:  python3 tools/demo/make_demo.py [--out DIR] [--no-check]

Standard library only. The files are written canonically, i.e. exactly as `khuyencong export`
writes them (UTF-8 without BOM, LF, catalog column order, rows sorted by key, minimal quoting,
NFC text). After writing, tools/demo/check_demo.py is run on the output (unless --no-check).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_reports  # noqa: E402  (the reports' narrative, kept apart from the records' generator)

SEED = 20201130
TRIEU = 1_000_000  # one million đồng
YEARS = [2016, 2017, 2018, 2019, 2020]

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "data" / "demo"

# ---------------------------------------------------------------------------------------------
# The bundle schema: a copy of src/schema/catalog.cc (kinds in import order, fields in column
# order, key column indexes). Types: code text int money dec2 year date bool enum ref.
# ---------------------------------------------------------------------------------------------
SCHEMA = [
    ("don_vi_hanh_chinh", [("ma", "code"), ("ten", "text"), ("loai", "enum"), ("cap", "enum"),
                           ("ma_cap_tren", "ref"), ("hieu_luc_tu", "date"), ("hieu_luc_den", "date")], [0]),
    ("don_vi_ke_thua", [("don_vi", "ref"), ("don_vi_ke_thua", "ref"), ("ngay_hieu_luc", "date"),
                        ("ghi_chu", "text")], [0, 1]),
    ("van_ban", [("ma", "code"), ("so_hieu", "text"), ("loai", "enum"), ("co_quan_ban_hanh", "text"),
                 ("cap_ban_hanh", "enum"), ("dia_ban", "ref"), ("ngay_ban_hanh", "date"),
                 ("trich_yeu", "text"), ("sua_doi", "ref"), ("thay_the", "ref")], [0]),
    ("dia_ban_uu_tien", [("don_vi", "ref"), ("loai", "enum"), ("tu_ngay", "date"), ("den_ngay", "date"),
                         ("can_cu", "ref")], [0, 1, 2]),
    ("noi_dung", [("ma", "code"), ("so_thu_tu", "int"), ("ten", "text"), ("ten_bao_cao", "text"),
                  ("can_cu", "ref"), ("hieu_luc_tu", "date"), ("hieu_luc_den", "date")], [0]),
    ("muc_ho_tro", [("ma", "code"), ("noi_dung", "ref"), ("cap_kinh_phi", "enum"), ("mo_ta", "text"),
                    ("ty_le_toi_da", "dec2"), ("muc_toi_da", "money"), ("hieu_luc_tu", "date"),
                    ("hieu_luc_den", "date"), ("can_cu", "ref")], [0]),
    ("chi_tieu", [("ma", "code"), ("ten", "text"), ("don_vi_tinh", "text"), ("noi_dung", "ref"),
                  ("nguon", "enum"), ("so_thu_tu", "int")], [0]),
    ("to_chuc", [("ma", "code"), ("ten", "text"), ("ten_viet_tat", "text"), ("loai", "enum"),
                 ("to_chuc_cap_tren", "ref"), ("dia_ban", "ref"), ("hieu_luc_tu", "date"),
                 ("hieu_luc_den", "date")], [0]),
    ("can_bo", [("ma", "code"), ("ho_ten", "text"), ("to_chuc", "ref"), ("chuc_vu", "text"),
                ("vai_tro", "enum"), ("tu_ngay", "date"), ("den_ngay", "date")], [0]),
    ("ke_hoach", [("ma", "code"), ("ten", "text"), ("loai", "enum"), ("dia_ban", "ref"), ("tu_nam", "year"),
                  ("den_nam", "year"), ("van_ban_phe_duyet", "ref"), ("ke_hoach_cha", "ref"),
                  ("co_quan_bao_cao", "ref"), ("phuong_huong", "text")], [0]),
    ("muc_tieu", [("ke_hoach", "ref"), ("chi_tieu", "ref"), ("gia_tri", "int"), ("ghi_chu", "text")], [0, 1]),
    ("co_so", [("ma", "code"), ("ten", "text"), ("loai", "enum"), ("nganh", "enum"), ("dia_ban", "ref"),
               ("dia_chi", "text"), ("ma_so_thue", "text"), ("nam_thanh_lap", "year"),
               ("so_lao_dong", "int")], [0]),
    ("de_an", [("ma", "code"), ("ten", "text"), ("noi_dung", "ref"), ("cap_kinh_phi", "enum"),
               ("nam_bat_dau", "year"), ("nam_ket_thuc", "year"), ("don_vi_thuc_hien", "ref"),
               ("dia_ban", "ref"), ("kinh_phi_nsnn", "money"), ("kinh_phi_doi_ung", "money"),
               ("trang_thai", "enum"), ("ngay_phe_duyet", "date"), ("ngay_nghiem_thu", "date"),
               ("mo_ta", "text")], [0]),
    ("de_an_co_so", [("de_an", "ref"), ("co_so", "ref")], [0, 1]),
    ("de_an_ket_qua", [("de_an", "ref"), ("chi_tieu", "ref"), ("gia_tri", "int")], [0, 1]),
    ("hoat_dong", [("ma", "code"), ("ten", "text"), ("noi_dung", "ref"), ("nam", "year"), ("dia_ban", "ref"),
                   ("mo_ta", "text")], [0]),
    ("lang_nghe", [("ma", "code"), ("ten", "text"), ("nghe", "text"), ("truyen_thong", "bool"),
                   ("dia_ban", "ref"), ("quyet_dinh_cong_nhan", "text"), ("ngay_cong_nhan", "date"),
                   ("ngay_thu_hoi", "date"), ("hoat_dong_hieu_qua", "bool"), ("noi_bat", "bool"),
                   ("so_ho", "int")], [0]),
    ("san_pham", [("ma", "code"), ("ten", "text"), ("co_so", "ref"), ("nhom", "enum")], [0]),
    ("dot_binh_chon", [("ma", "code"), ("ten", "text"), ("cap", "enum"), ("nam", "year"), ("dia_ban", "ref")], [0]),
    ("ket_qua_binh_chon", [("dot_binh_chon", "ref"), ("san_pham", "ref"), ("diem", "dec2"), ("dat", "bool"),
                           ("so_chung_nhan", "text")], [0, 1]),
    ("hoi_cho", [("ma", "code"), ("ten", "text"), ("nam", "year"), ("dia_diem", "text"), ("de_an", "ref"),
                 ("so_luot_tham_gia", "int")], [0]),
    ("cum_cong_nghiep", [("ma", "code"), ("ten", "text"), ("dia_ban", "ref"), ("dien_tich_ha", "dec2"),
                         ("trang_thai", "enum"), ("de_an", "ref")], [0]),
    ("thong_ke", [("dia_ban", "ref"), ("nam", "year"), ("chi_so", "enum"), ("gia_tri", "int"), ("nguon", "text")],
     [0, 1, 2]),
    # The reports as records (issue 12, migration 9); their rows come from demo_reports.py.
    ("loai_bao_cao", [("ma", "code"), ("ten", "text"), ("cau_truc", "enum")], [0]),
    ("bao_cao", [("ma", "code"), ("loai_bao_cao", "ref"), ("ke_hoach", "ref"), ("nam", "year"), ("co_quan", "ref"),
                 ("trang_thai", "enum"), ("so_ky_hieu", "text"), ("ngay_ban_hanh", "date"), ("tham_quyen_ky", "text"),
                 ("chuc_vu_ky", "text"), ("nguoi_ky", "text"), ("noi_nhan", "text"), ("kem_bieu_do", "bool")], [0]),
    ("bao_cao_muc", [("bao_cao", "ref"), ("muc", "text"), ("noi_dung", "text")], [0, 1]),
]
INTEGER_TYPES = {"int", "money", "year", "bool", "dec2"}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def slug(name: str) -> str:
    s = nfc(name).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return "-".join(s.lower().split())


def format_cell(ftype: str, value) -> str:
    if value is None:
        return ""
    if ftype == "bool":
        return "1" if value else "0"
    if ftype == "dec2":  # stored as an int of hundredths
        return f"{value // 100}.{value % 100:02d}"
    if ftype in INTEGER_TYPES:
        return str(int(value))
    text = nfc(str(value))
    assert text == text.strip(), f"leading/trailing whitespace: {text!r}"
    return text


def csv_field(s: str) -> str:
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def sort_key(fields, key, row):
    out = []
    for k in key:
        name, ftype = fields[k]
        v = row[name]
        out.append(int(v) if ftype in INTEGER_TYPES else format_cell(ftype, v).encode("utf-8"))
    return tuple(out)


def write_bundle(out_dir: Path, tables: dict) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind, fields, key in SCHEMA:
        rows = tables.get(kind, [])
        names = [f for f, _ in fields]
        for r in rows:
            extra = set(r) - set(names)
            assert not extra, f"{kind}: unknown fields {extra}"
        full = [{n: r.get(n) for n in names} for r in rows]
        full.sort(key=lambda r: sort_key(fields, key, r))
        keys = [sort_key(fields, key, r) for r in full]
        assert len(set(keys)) == len(keys), f"{kind}: duplicate key"
        lines = [",".join(names)]
        for r in full:
            lines.append(",".join(csv_field(format_cell(t, r[n])) for n, t in fields))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (out_dir / f"{kind}.csv").write_bytes(data)


# ---------------------------------------------------------------------------------------------
# Helpers for exact splits
# ---------------------------------------------------------------------------------------------
def split_money(rng, total, n, lo, hi, step):
    """n amounts in [lo, hi], multiples of `step` (except one that takes total % step), summing to total."""
    rem = total % step
    base = total - rem
    assert n * lo <= base <= n * hi, (total, n, lo, hi)
    w = [rng.uniform(lo, hi) for _ in range(n)]
    scale = base / sum(w)
    amounts = [min(hi, max(lo, int(round(x * scale / step)) * step)) for x in w]
    diff = base - sum(amounts)
    guard = 0
    while diff != 0:
        i = rng.randrange(n)
        d = step if diff > 0 else -step
        if lo <= amounts[i] + d <= hi:
            amounts[i] += d
            diff -= d
        guard += 1
        assert guard < 100000, "split_money did not converge"
    if rem:
        amounts[rng.randrange(n)] += rem
    assert sum(amounts) == total
    return amounts


def split_int(rng, total, n, lo, hi):
    return split_money(rng, total, n, lo, hi, 1)


def largest_remainder(total, weights):
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def iso(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def rand_date(rng, y, m_from, m_to):
    m = rng.randint(m_from, m_to)
    d = rng.randint(1, 28)
    return iso(y, m, d)


# ---------------------------------------------------------------------------------------------
# Administrative units
# ---------------------------------------------------------------------------------------------
START = "1997-01-01"          # placeholder start of pre-2016 units (Bắc Giang re-established 1997)
END_BG = "2025-06-30"         # last day of the district level and of the old provinces
START_BN = "2025-07-01"

# code suffix, ten, loai, start, end, mountain?, communes [(loai, ten)]
DISTRICTS = [
    ("tp-bac-giang", "Bắc Giang", "thanh_pho", "2005-06-07", END_BG, False, [
        ("xa", "Đình Trì"), ("xa", "Song Mai"), ("xa", "Dĩnh Trì"), ("xa", "Tân Mỹ"), ("xa", "Đồng Sơn"),
        ("xa", "Song Khê"), ("phuong", "Xương Giang"), ("phuong", "Hoàng Văn Thụ"), ("phuong", "Đa Mai"),
        ("phuong", "Dĩnh Kế")]),
    ("hiep-hoa", "Hiệp Hòa", "huyen", START, END_BG, False, [
        ("thi_tran", "Thắng"), ("xa", "Châu Minh"), ("xa", "Bắc Lý"), ("xa", "Đoàn Bái"), ("xa", "Lương Phong"),
        ("xa", "Mai Đình"), ("xa", "Đông Lỗ"), ("xa", "Hoàng Vân")]),
    ("lang-giang", "Lạng Giang", "huyen", START, END_BG, False, [
        ("thi_tran", "Vôi"), ("thi_tran", "Kép"), ("xa", "Nghĩa Hưng"), ("xa", "Tân Dĩnh"), ("xa", "Quang Thịnh"),
        ("xa", "Tân Thanh"), ("xa", "Yên Mỹ"), ("xa", "Phi Mô")]),
    ("luc-nam", "Lục Nam", "huyen", START, END_BG, True, [
        ("thi_tran", "Đồi Ngô"), ("xa", "Cẩm Lý"), ("xa", "Bảo Sơn"), ("xa", "Huyền Sơn"), ("xa", "Tiên Hưng"),
        ("xa", "Phương Sơn"), ("xa", "Nghĩa Phương"), ("xa", "Bảo Đài")]),
    ("luc-ngan", "Lục Ngạn", "huyen", START, END_BG, True, [
        ("thi_tran", "Chũ"), ("xa", "Nam Dương"), ("xa", "Kiên Thành"), ("xa", "Phượng Sơn"), ("xa", "Quý Sơn"),
        ("xa", "Hồng Giang"), ("xa", "Giáp Sơn"), ("xa", "Thanh Hải"), ("xa", "Tân Quang")]),
    ("son-dong", "Sơn Động", "huyen", START, END_BG, True, [
        ("thi_tran", "An Châu"), ("xa", "An Lạc"), ("xa", "Vân Sơn"), ("xa", "Hữu Sản"), ("xa", "Long Sơn"),
        ("xa", "Tuấn Đạo"), ("xa", "Cẩm Đàn")]),
    ("tan-yen", "Tân Yên", "huyen", START, END_BG, False, [
        ("xa", "Ngọc Châu"), ("thi_tran", "Cao Thượng"), ("thi_tran", "Nhã Nam"), ("xa", "Cao Xá"),
        ("xa", "Liên Chung"), ("xa", "Việt Lập"), ("xa", "Ngọc Thiện"), ("xa", "Phúc Hòa")]),
    ("viet-yen", "Việt Yên", "huyen", START, "2024-04-09", False, [
        ("xa", "Vân Hà"), ("thi_tran", "Bích Động"), ("thi_tran", "Nếnh"), ("xa", "Tự Lạn"), ("xa", "Trung Sơn"),
        ("xa", "Bích Sơn"), ("xa", "Tăng Tiến"), ("xa", "Quảng Minh"), ("xa", "Hồng Thái")]),
    ("yen-dung", "Yên Dũng", "huyen", START, "2024-12-31", False, [
        ("thi_tran", "Neo"), ("thi_tran", "Tân Dân"), ("xa", "Tiền Phong"), ("xa", "Lãng Sơn"), ("xa", "Tư Mại"),
        ("xa", "Nội Hoàng"), ("xa", "Yên Lư")]),
    ("yen-the", "Yên Thế", "huyen", START, END_BG, True, [
        ("thi_tran", "Cầu Gồ"), ("thi_tran", "Bố Hạ"), ("xa", "Phồn Xương"), ("xa", "Đồng Lạc"), ("xa", "Tam Tiến"),
        ("xa", "Đồng Kỳ"), ("xa", "Tân Sỏi")]),
]
PRIORITY = {"son-dong": "vung_cao", "luc-ngan": "mien_nui", "luc-nam": "mien_nui", "yen-the": "mien_nui"}
# Share of located projects per district (lowland districts get most; see README).
DISTRICT_WEIGHT = {"tp-bac-giang": 17, "viet-yen": 13, "yen-dung": 11, "hiep-hoa": 13, "tan-yen": 12,
                   "lang-giang": 12, "luc-ngan": 9, "luc-nam": 6, "yen-the": 5, "son-dong": 2}
# Code overrides where two names fold to the same ASCII slug.
CODE_OVERRIDE = {("tp-bac-giang", "Dĩnh Trì"): "bg-tp-bac-giang-dinh-tri-2"}

# Post-2025 communes of the new Bắc Ninh (illustrative): code, loai, ten, predecessors.
NEW_COMMUNES = [
    ("bn-bac-giang", "phuong", "Bắc Giang", ["bg-tp-bac-giang-xuong-giang", "bg-tp-bac-giang-hoang-van-thu"]),
    ("bn-da-mai", "phuong", "Đa Mai", ["bg-tp-bac-giang-dinh-tri", "bg-tp-bac-giang-da-mai",
                                       "bg-tp-bac-giang-song-mai"]),
    ("bn-tien-phong", "phuong", "Tiền Phong", ["bg-tp-bac-giang-tien-phong"]),
    ("bn-van-ha", "phuong", "Vân Hà", ["bg-tx-viet-yen-van-ha"]),
    ("bn-ngoc-thien", "xa", "Ngọc Thiện", ["bg-tan-yen-ngoc-chau", "bg-tan-yen-ngoc-thien"]),
    ("bn-nam-duong", "xa", "Nam Dương", ["bg-luc-ngan-nam-duong"]),
    ("bn-chu", "phuong", "Chũ", ["bg-tx-chu-chu"]),
    ("bn-son-dong", "xa", "Sơn Động", ["bg-son-dong-an-chau", "bg-son-dong-an-lac"]),
]


class World:
    """Everything generated, plus lookup helpers."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.t = {k: [] for k, _, _ in SCHEMA}
        self.unit = {}          # code -> row
        self.communes = {}      # district suffix -> [commune codes valid 2016-2020]
        self.commune_of = {}    # (district suffix, ten) -> code
        self.district_of = {}   # commune code -> district suffix

    def add(self, kind, **row):
        self.t[kind].append(row)
        return row


def build_units(w: World):
    u = w.t["don_vi_hanh_chinh"]
    k = w.t["don_vi_ke_thua"]

    def unit(ma, ten, loai, cap, parent, tu, den):
        assert ma not in w.unit, ma
        row = dict(ma=ma, ten=ten, loai=loai, cap=cap, ma_cap_tren=parent, hieu_luc_tu=tu, hieu_luc_den=den)
        u.append(row)
        w.unit[ma] = row
        return row

    def link(a, b, date, note=None):
        k.append(dict(don_vi=a, don_vi_ke_thua=b, ngay_hieu_luc=date, ghi_chu=note))

    unit("bg", "Bắc Giang", "tinh", "tinh", None, START, END_BG)
    unit("bn-cu", "Bắc Ninh", "tinh", "tinh", None, START, END_BG)
    unit("bn", "Bắc Ninh", "tinh", "tinh", None, START_BN, None)
    note_bn = ("Sáp nhập tỉnh Bắc Giang và tỉnh Bắc Ninh thành tỉnh Bắc Ninh mới; "
               "bỏ cấp huyện từ ngày 01/7/2025")
    link("bg", "bn", START_BN, note_bn)
    link("bn-cu", "bn", START_BN, note_bn)

    for suffix, ten, loai, tu, den, _mountain, communes in DISTRICTS:
        dcode = f"bg-{suffix}"
        unit(dcode, ten, loai, "huyen", "bg", tu, den)
        w.communes[suffix] = []
        for cloai, cten in communes:
            code = CODE_OVERRIDE.get((suffix, cten), f"{dcode}-{slug(cten)}")
            unit(code, cten, cloai, "xa", dcode, tu, den)
            w.communes[suffix].append(code)
            w.commune_of[(suffix, cten)] = code
            w.district_of[code] = suffix

    # Việt Yên: huyện -> thị xã on 10/4/2024; its communes move to the new parent.
    unit("bg-tx-viet-yen", "Việt Yên", "thi_xa", "huyen", "bg", "2024-04-10", END_BG)
    link("bg-viet-yen", "bg-tx-viet-yen", "2024-04-10", "Thành lập thị xã Việt Yên trên cơ sở toàn bộ huyện Việt Yên")
    for cloai, cten in DISTRICTS[7][6]:
        old = w.commune_of[("viet-yen", cten)]
        new = f"bg-tx-viet-yen-{slug(cten)}"
        unit(new, cten, cloai, "xa", "bg-tx-viet-yen", "2024-04-10", END_BG)
        link(old, new, "2024-04-10", "Chuyển thuộc thị xã Việt Yên")
    # Yên Dũng merged into TP Bắc Giang on 1/1/2025.
    link("bg-yen-dung", "bg-tp-bac-giang", "2025-01-01", "Nhập huyện Yên Dũng vào thành phố Bắc Giang")
    for cloai, cten in DISTRICTS[8][6]:
        old = w.commune_of[("yen-dung", cten)]
        new = f"bg-tp-bac-giang-{slug(cten)}"
        unit(new, cten, cloai, "xa", "bg-tp-bac-giang", "2025-01-01", END_BG)
        link(old, new, "2025-01-01", "Chuyển thuộc thành phố Bắc Giang")
    # Thị xã Chũ split from Lục Ngạn on 1/1/2025; thị trấn Chũ becomes phường Chũ.
    unit("bg-tx-chu", "Chũ", "thi_xa", "huyen", "bg", "2025-01-01", END_BG)
    link("bg-luc-ngan", "bg-tx-chu", "2025-01-01",
         "Chia tách: thành lập thị xã Chũ từ một phần huyện Lục Ngạn; huyện Lục Ngạn tiếp tục tồn tại")
    chu = w.unit["bg-luc-ngan-chu"]
    chu["hieu_luc_den"] = "2024-12-31"
    unit("bg-tx-chu-chu", "Chũ", "phuong", "xa", "bg-tx-chu", "2025-01-01", END_BG)
    link("bg-luc-ngan-chu", "bg-tx-chu-chu", "2025-01-01", "Thị trấn Chũ thành phường Chũ thuộc thị xã Chũ")

    # From 1/7/2025: every district-level unit still valid ends and points to the new province.
    for row in list(u):
        if row["cap"] == "huyen" and row["hieu_luc_den"] == END_BG:
            link(row["ma"], "bn", START_BN, "Bỏ cấp huyện; địa bàn thuộc tỉnh Bắc Ninh mới")
    for code, loai, ten, preds in NEW_COMMUNES:
        unit(code, ten, loai, "xa", "bn", START_BN, None)
        for p in preds:
            assert w.unit[p]["hieu_luc_den"] == END_BG, p
            link(p, code, START_BN, "Sắp xếp đơn vị hành chính cấp xã năm 2025 (tên và phạm vi minh họa)")

    for suffix, loai in PRIORITY.items():
        w.add("dia_ban_uu_tien", don_vi=f"bg-{suffix}", loai=loai, tu_ngay="2016-01-01", den_ngay=END_BG,
              can_cu=None)


# ---------------------------------------------------------------------------------------------
# Documents, contents, indicators
# ---------------------------------------------------------------------------------------------
DOCS = [
    # ma, so_hieu, loai, co_quan, cap, dia_ban, ngay, trich_yeu, sua_doi
    ("nd-45-2012", "45/2012/NĐ-CP", "nghi_dinh", "Chính phủ", "trung_uong", None, "2012-05-21",
     "về khuyến công", None),
    ("qd-1288-2014-ttg", "1288/QĐ-TTg", "quyet_dinh", "Thủ tướng Chính phủ", "trung_uong", None, "2014-08-01",
     "Phê duyệt Chương trình khuyến công quốc gia đến năm 2020", None),
    ("tt-28-2018-btc", "28/2018/TT-BTC", "thong_tu", "Bộ Tài chính", "trung_uong", None, "2018-03-28",
     "Hướng dẫn lập, quản lý, sử dụng kinh phí khuyến công", None),
    ("qd-734-2014-ubnd-bg", "734/2014/QĐ-UBND", "quyet_dinh", "UBND tỉnh Bắc Giang", "tinh", "bg", "2014-10-28",
     "về việc ban hành Quy định quản lý và sử dụng kinh phí khuyến công tỉnh Bắc Giang", None),
    ("qd-1330-2015-ubnd-bg", "1330/QĐ-UBND", "quyet_dinh", "Chủ tịch UBND tỉnh Bắc Giang", "tinh", "bg",
     "2015-07-15", "về việc phê duyệt Kế hoạch khuyến công giai đoạn 2016 - 2020", None),
    ("qd-560-2018-ubnd-bg", "560/QĐ-UBND", "quyet_dinh", "UBND tỉnh Bắc Giang", "tinh", "bg", "2018-09-24",
     "về việc sáp nhập Trung tâm Xúc tiến thương mại vào Trung tâm Khuyến công và Tư vấn phát triển công nghiệp, "
     "trực thuộc Sở Công Thương", None),
    ("qd-1526-2018-ubnd-bg", "1526/QĐ-UBND", "quyet_dinh", "Chủ tịch UBND tỉnh Bắc Giang", "tinh", "bg",
     "2018-09-28", "về việc ban hành danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước thuộc lĩnh vực "
     "Công Thương", None),
    ("qd-30-2019-ubnd-bg", "30/2019/QĐ-UBND", "quyet_dinh", "UBND tỉnh Bắc Giang", "tinh", "bg", "2019-12-30",
     "sửa đổi, bổ sung Khoản 2, Điều 6 Quy định quản lý và sử dụng kinh phí khuyến công tỉnh ban hành kèm theo "
     "Quyết định Quyết định số 734/2014/QĐ-UBND của UBND tỉnh Bắc Giang", "qd-734-2014-ubnd-bg"),
    ("tt-26-2014-bct", "26/2014/TT-BCT", "thong_tu", "Bộ Công Thương", "trung_uong", None, "2014-08-28",
     "Quy định về tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", None),
    ("nd-52-2018", "52/2018/NĐ-CP", "nghi_dinh", "Chính phủ", "trung_uong", None, "2018-04-12",
     "về phát triển ngành nghề nông thôn", None),
    ("tt-64-2024-btc", "64/2024/TT-BTC", "thong_tu", "Bộ Tài chính", "trung_uong", None, "2024-08-30",
     "Sửa đổi, bổ sung một số điều của Thông tư số 28/2018/TT-BTC hướng dẫn lập, quản lý, sử dụng kinh phí "
     "khuyến công", "tt-28-2018-btc"),
    ("nd-235-2025", "235/2025/NĐ-CP", "nghi_dinh", "Chính phủ", "trung_uong", None, "2025-08-27",
     "Sửa đổi, bổ sung một số điều của Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về "
     "khuyến công", "nd-45-2012"),
    ("qd-2646-2025-bct", "2646/QĐ-BCT", "quyet_dinh", "Bộ Công Thương", "trung_uong", None, "2025-09-23",
     "Phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026 - 2030", None),
]

CONTENTS = [
    ("Hỗ trợ tổ chức đào tạo nghề, truyền nghề theo hình thức ngắn hạn gắn với nhu cầu của các cơ sở công nghiệp "
     "nông thôn về lao động; nâng cao tay nghề cho người lao động",
     "Tổ chức đào tạo nghề, truyền nghề"),
    ("Hỗ trợ nâng cao năng lực quản lý cho các cơ sở công nghiệp nông thôn: hướng dẫn, tư vấn, hỗ trợ khởi sự "
     "doanh nghiệp; đào tạo, tập huấn, hội thảo, diễn đàn; tham quan khảo sát học tập kinh nghiệm trong nước và "
     "ngoài nước; nâng cao nhận thức và năng lực áp dụng sản xuất sạch hơn",
     "Hỗ trợ nâng cao năng lực quản lý doanh nghiệp, nhận thức và năng lực áp dụng sản xuất sạch hơn trong "
     "công nghiệp"),
    ("Hỗ trợ xây dựng mô hình trình diễn kỹ thuật để phổ biến công nghệ mới, sản phẩm mới; chuyển giao công nghệ "
     "và ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật vào sản xuất công nghiệp nông thôn; hỗ trợ áp "
     "dụng sản xuất sạch hơn",
     "Hỗ trợ xây dựng mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc tiên tiến, tiến bộ "
     "khoa học kỹ thuật"),
    ("Phát triển sản phẩm công nghiệp nông thôn tiêu biểu: tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu "
     "biểu; hỗ trợ tổ chức, tham gia hội chợ, triển lãm; hỗ trợ xây dựng, đăng ký nhãn hiệu; hỗ trợ xây dựng "
     "phòng trưng bày giới thiệu sản phẩm",
     "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu"),
    ("Tư vấn, trợ giúp các cơ sở công nghiệp nông thôn: lập dự án đầu tư, marketing, quản lý sản xuất, tài chính, "
     "kế toán, nhân lực, thiết kế mẫu mã, bao bì đóng gói, ứng dụng công nghệ thông tin, thành lập doanh nghiệp",
     "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn"),
    ("Cung cấp thông tin về chính sách phát triển công nghiệp, thông tin thị trường, phổ biến kinh nghiệm, mô hình "
     "sản xuất kinh doanh điển hình qua chương trình truyền hình, truyền thanh, báo viết, ấn phẩm, trang thông tin "
     "điện tử và các hình thức thông tin đại chúng khác",
     "Cung cấp thông tin, tuyên truyền"),
    ("Hỗ trợ liên doanh, liên kết, hợp tác kinh tế, phát triển các cụm công nghiệp và di dời cơ sở gây ô nhiễm "
     "môi trường",
     "Hỗ trợ liên doanh, liên kết, hợp tác kinh tế, phát triển các cụm công nghiệp và di dời cơ sở gây ô nhiễm "
     "môi trường"),
    ("Hợp tác quốc tế về khuyến công: thực hiện các chương trình, dự án hợp tác quốc tế; trao đổi, học tập kinh "
     "nghiệm; tham quan khảo sát, hội thảo, diễn đàn ở nước ngoài",
     "Hợp tác quốc tế về khuyến công"),
    ("Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công: xây dựng chương trình, kế hoạch, đề án; "
     "hướng dẫn, kiểm tra, giám sát; đào tạo, bồi dưỡng nghiệp vụ cho cán bộ khuyến công; đầu tư cơ sở vật chất; "
     "xây dựng mạng lưới cộng tác viên khuyến công",
     "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công"),
]

# ma, ten, don_vi_tinh, noi_dung, nguon, so_thu_tu
INDICATORS = [
    ("lao_dong_dao_tao", "lao động được đào tạo nghề, truyền nghề", "người", "nd45-1", "dau_ra", 1),
    ("hoc_vien_tap_huan", "lượt học viên được đào tạo, tập huấn kiến thức khởi sự, quản trị doanh nghiệp",
     "lượt", "nd45-2", "dau_ra", 1),
    ("luot_khao_sat", "lượt người tham gia các đoàn khảo sát, học tập, trao đổi kinh nghiệm trong nước",
     "lượt", "nd45-2", "dau_ra", 2),
    ("mo_hinh_trinh_dien", "mô hình trình diễn kỹ thuật", "mô hình", "nd45-3", "dau_ra", 1),
    ("co_so_ung_dung_may_moc", "doanh nghiệp, cơ sở công nghiệp nông thôn được hỗ trợ ứng dụng máy móc, thiết bị "
     "tiên tiến", "cơ sở", "nd45-3", "dau_ra", 2),
    ("danh_gia_sxsh", "doanh nghiệp được hỗ trợ đánh giá sản xuất sạch hơn", "doanh nghiệp", "nd45-3", "dau_ra", 3),
    ("hoi_cho", "hội chợ, triển lãm hàng công nghiệp nông thôn tiêu biểu", "hội chợ", "nd45-4", "dau_ra", 1),
    ("luot_tham_gia_hoi_cho", "lượt doanh nghiệp, hợp tác xã, cơ sở công nghiệp nông thôn tham gia hội chợ",
     "lượt", "nd45-4", "dau_ra", 2),
    ("sp_tinh", "sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh", "sản phẩm", "nd45-4",
     "sp_ton_vinh_tinh", 3),
    ("sp_khu_vuc", "sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực", "sản phẩm", "nd45-4",
     "sp_ton_vinh_khu_vuc", 4),
    ("sp_quoc_gia", "sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia", "sản phẩm", "nd45-4",
     "sp_ton_vinh_quoc_gia", 5),
    ("phong_trung_bay", "cơ sở công nghiệp nông thôn được hỗ trợ xây dựng phòng trưng bày, giới thiệu sản phẩm",
     "cơ sở", "nd45-4", "dau_ra", 6),
    ("co_so_tu_van", "cơ sở công nghiệp nông thôn được hỗ trợ tư vấn, thiết kế mẫu mã bao bì, tem truy xuất "
     "nguồn gốc sản phẩm", "cơ sở", "nd45-5", "dau_ra", 1),
    ("ban_tin", "bản tin khuyến công", "bản", "nd45-6", "dau_ra", 1),
    ("catalog", "catalog giới thiệu, quảng bá sản phẩm công nghiệp nông thôn tiêu biểu", "cuốn", "nd45-6",
     "dau_ra", 2),
    ("chuong_trinh_tin_bai", "chương trình truyền hình, tin bài, ấn phẩm tuyên truyền", "chương trình", "nd45-6",
     "dau_ra", 3),
    ("cum_cn_khao_sat", "khu, cụm công nghiệp được khảo sát, cắm mốc giới quy hoạch", "khu, cụm", "nd45-7",
     "dau_ra", 1),
    ("van_ban_quy_dinh", "văn bản quy định về hoạt động khuyến công được ban hành", "văn bản", "nd45-9",
     "dau_ra", 1),
    ("kp_nsnn", "kinh phí ngân sách nhà nước", "đồng", None, "kinh_phi_nsnn", 1),
    ("kp_quoc_gia", "kinh phí khuyến công quốc gia", "đồng", None, "kinh_phi_quoc_gia", 2),
    ("kp_tinh", "kinh phí khuyến công tỉnh", "đồng", None, "kinh_phi_tinh", 3),
    ("kp_huyen", "kinh phí khuyến công do các huyện, thành phố bố trí", "đồng", None, "kinh_phi_huyen", 4),
    ("kp_doi_ung", "kinh phí đối ứng của các cơ sở công nghiệp nông thôn", "đồng", None, "kinh_phi_doi_ung", 5),
]


def build_reference(w: World):
    for ma, so, loai, cq, cap, db, ngay, ty, sd in DOCS:
        w.add("van_ban", ma=ma, so_hieu=so, loai=loai, co_quan_ban_hanh=cq, cap_ban_hanh=cap, dia_ban=db,
              ngay_ban_hanh=ngay, trich_yeu=ty, sua_doi=sd, thay_the=None)
    for i, (ten, bc) in enumerate(CONTENTS, start=1):
        w.add("noi_dung", ma=f"nd45-{i}", so_thu_tu=i, ten=ten, ten_bao_cao=bc, can_cu="nd-45-2012",
              hieu_luc_tu="2012-07-10", hieu_luc_den=None)
    # Support caps (rules as data): TT 28/2018/TT-BTC, machinery and technology support for an
    # establishment: at most 50% of the cost and 300 million đồng. The date it applies from is
    # taken as its issue date (the exact effective date is not in our sources).
    w.add("muc_ho_tro", ma="tt28-may-moc", noi_dung="nd45-3", cap_kinh_phi=None,
          mo_ta="Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến, chuyển giao công nghệ: tối đa 50% chi phí, "
                "không quá 300 triệu đồng mỗi cơ sở",
          ty_le_toi_da=5000, muc_toi_da=300_000_000, hieu_luc_tu="2018-03-28", hieu_luc_den=None,
          can_cu="tt-28-2018-btc")
    for ma, ten, dvt, nd, nguon, stt in INDICATORS:
        w.add("chi_tieu", ma=ma, ten=ten, don_vi_tinh=dvt, noi_dung=nd, nguon=nguon, so_thu_tu=stt)


# ---------------------------------------------------------------------------------------------
# Organisations and staff
# ---------------------------------------------------------------------------------------------
SURNAMES = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Ngô", "Dương", "Thân",
            "Giáp", "Hà", "Bùi", "Đặng", "Lương", "Nông", "Đào", "Chu"]
MALE_MIDDLE = ["Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Mạnh", "Trọng"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng"]
MALE_GIVEN = ["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Thắng", "Cường", "Sơn", "Quân", "Hưng", "Toàn", "Khánh",
              "Nam", "Bình", "Phong", "Trung", "Thành", "Vinh", "Huy", "Kiên", "Đạt", "Tùng", "Lâm", "Hiếu"]
FEMALE_GIVEN = ["Hương", "Lan", "Hoa", "Mai", "Huyền", "Thủy", "Nga", "Hằng", "Yến", "Trang", "Linh", "Phương",
                "Thảo", "Hạnh", "Dung", "Loan", "Nhung", "Vân", "Oanh", "Thúy"]


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def person(self, female=None):
        for _ in range(1000):
            f = self.rng.random() < 0.45 if female is None else female
            name = " ".join([self.rng.choice(SURNAMES),
                             self.rng.choice(FEMALE_MIDDLE if f else MALE_MIDDLE),
                             self.rng.choice(FEMALE_GIVEN if f else MALE_GIVEN)])
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("names exhausted")


def office_code(suffix):
    return f"pkt-{suffix}"


def build_organisations(w: World):
    w.add("to_chuc", ma="bct", ten="Bộ Công Thương", ten_viet_tat="BCT", loai="bo_cong_thuong")
    w.add("to_chuc", ma="ubnd-bg", ten="UBND tỉnh Bắc Giang", ten_viet_tat="UBND tỉnh", loai="ubnd_tinh",
          dia_ban="bg", hieu_luc_den=END_BG)
    w.add("to_chuc", ma="sct-bg", ten="Sở Công Thương tỉnh Bắc Giang", ten_viet_tat="SCT", loai="so_cong_thuong",
          to_chuc_cap_tren="ubnd-bg", dia_ban="bg", hieu_luc_den=END_BG)
    w.add("to_chuc", ma="ttkc-bg", ten="Trung tâm Khuyến công và Xúc tiến thương mại", ten_viet_tat="TTKC",
          loai="trung_tam_khuyen_cong", to_chuc_cap_tren="sct-bg", dia_ban="bg", hieu_luc_den=END_BG)
    for suffix, ten, loai, _tu, den, _m, _c in DISTRICTS:
        name = ("Phòng Kinh tế thành phố Bắc Giang" if loai == "thanh_pho"
                else f"Phòng Kinh tế và Hạ tầng huyện {ten}")
        w.add("to_chuc", ma=office_code(suffix), ten=name, loai="phong_kinh_te", dia_ban=f"bg-{suffix}",
              hieu_luc_den=den)
    # From 1/7/2025 the merged province's bodies carry on the work (illustrative names), so that a
    # project of 2026 or later has an implementing unit valid in its years.
    w.add("to_chuc", ma="ubnd-bn", ten="UBND tỉnh Bắc Ninh", ten_viet_tat="UBND tỉnh", loai="ubnd_tinh",
          dia_ban="bn", hieu_luc_tu=START_BN)
    w.add("to_chuc", ma="sct-bn", ten="Sở Công Thương tỉnh Bắc Ninh", ten_viet_tat="SCT", loai="so_cong_thuong",
          to_chuc_cap_tren="ubnd-bn", dia_ban="bn", hieu_luc_tu=START_BN)
    w.add("to_chuc", ma="ttkc-bn", ten="Trung tâm Khuyến công tỉnh Bắc Ninh", ten_viet_tat="TTKC",
          loai="trung_tam_khuyen_cong", to_chuc_cap_tren="sct-bn", dia_ban="bn", hieu_luc_tu=START_BN)

    names = Names(w.rng)
    rng = w.rng
    # Centre staff active on 31/12/2020: 19, of whom 6 work on khuyến công (chuyen_trach).
    centre = [
        ("Giám đốc", "khac"), ("Phó Giám đốc", "chuyen_trach"), ("Phó Giám đốc", "khac"),
        ("Trưởng phòng Khuyến công", "chuyen_trach"), ("Viên chức phòng Khuyến công", "chuyen_trach"),
        ("Viên chức phòng Khuyến công", "chuyen_trach"), ("Viên chức phòng Khuyến công", "chuyen_trach"),
        ("Viên chức phòng Khuyến công", "chuyen_trach"),
        ("Trưởng phòng Hành chính - Tổng hợp", "khac"), ("Kế toán", "khac"), ("Thủ quỹ", "khac"),
        ("Văn thư", "khac"), ("Lái xe", "khac"), ("Trưởng phòng Xúc tiến thương mại", "khac"),
        ("Viên chức phòng Xúc tiến thương mại", "khac"), ("Viên chức phòng Xúc tiến thương mại", "khac"),
        ("Viên chức phòng Xúc tiến thương mại", "khac"), ("Trưởng phòng Tư vấn phát triển công nghiệp", "khac"),
        ("Viên chức phòng Tư vấn phát triển công nghiệp", "khac"),
    ]
    n = 0
    for chuc_vu, role in centre:
        n += 1
        w.add("can_bo", ma=f"ttkc-{n:02d}", ho_ten=names.person(), to_chuc="ttkc-bg", chuc_vu=chuc_vu,
              vai_tro=role, tu_ngay=rand_date(rng, rng.randint(2003, 2019), 1, 12), den_ngay=None)
    for chuc_vu, role, den in [("Viên chức phòng Khuyến công", "chuyen_trach", "2017-08-31"),
                               ("Phó Giám đốc", "khac", "2018-10-31")]:
        n += 1
        w.add("can_bo", ma=f"ttkc-{n:02d}", ho_ten=names.person(), to_chuc="ttkc-bg", chuc_vu=chuc_vu,
              vai_tro=role, tu_ngay=rand_date(rng, rng.randint(2002, 2010), 1, 12), den_ngay=den)
    w.add("can_bo", ma="sct-01", ho_ten="Trần Quang Tấn", to_chuc="sct-bg", chuc_vu="Giám đốc", vai_tro="khac")
    for suffix, _ten, _l, _tu, den, _m, _c in DISTRICTS:
        w.add("can_bo", ma=f"{office_code(suffix)}-01", ho_ten=names.person(), to_chuc=office_code(suffix),
              chuc_vu="Chuyên viên", vai_tro="kiem_nhiem",
              tu_ngay=rand_date(rng, rng.randint(2008, 2015), 1, 12),
              den_ngay=den)


# ---------------------------------------------------------------------------------------------
# Plans and targets
# ---------------------------------------------------------------------------------------------
DERIVED = "suy ra từ tỷ lệ đạt nêu trong báo cáo"
ASSUMED = "giả định"
TARGETS = [
    ("kp_tinh", 20_400 * TRIEU, f"{DERIVED}: 16.150 triệu đồng đạt 79,17%"),
    ("kp_doi_ung", 141_350 * TRIEU, f"{DERIVED}: 229.219 triệu đồng đạt 162,16%"),
    ("hoc_vien_tap_huan", 900, f"{DERIVED}: 1.377 lượt đạt 153%"),
    ("luot_khao_sat", 690, f"{DERIVED}: 690 lượt đạt 100%"),
    ("co_so_ung_dung_may_moc", 107, f"{DERIVED}: 153 cơ sở, báo cáo ghi 142,9% (153/107 = 143,0%; không mục tiêu "
     "nguyên nào cho đúng 142,9%)"),
    ("luot_tham_gia_hoi_cho", 320, f"{DERIVED}: 350 lượt đạt 109,4%"),
    ("phong_trung_bay", 5, f"{DERIVED}: 3 cơ sở đạt 60%"),
    ("co_so_tu_van", 50, f"{DERIVED}: 67 cơ sở đạt 134%"),
    ("ban_tin", 1800, f"{DERIVED}: đạt 100%"),
    ("catalog", 3000, f"{DERIVED}: đạt 100%"),
    ("chuong_trinh_tin_bai", 800, f"{DERIVED}: đạt 100%"),
    ("lao_dong_dao_tao", 1500, f"{ASSUMED} (báo cáo chỉ nêu nội dung này đạt tỷ lệ thấp)"),
    ("cum_cn_khao_sat", 6, f"{ASSUMED} (báo cáo nêu nội dung cụm công nghiệp chưa đạt mục tiêu)"),
    ("sp_tinh", 30, f"{ASSUMED}"),
]


def build_plans(w: World):
    w.add("ke_hoach", ma="bg-2016-2020", ten="Kế hoạch khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020",
          loai="giai_doan", dia_ban="bg", tu_nam=2016, den_nam=2020, van_ban_phe_duyet="qd-1330-2015-ubnd-bg",
          co_quan_bao_cao="sct-bg", phuong_huong=demo_reports.phuong_huong())
    for y in YEARS:
        w.add("ke_hoach", ma=f"bg-{y}", ten=f"Kế hoạch khuyến công tỉnh Bắc Giang năm {y}", loai="hang_nam",
              dia_ban="bg", tu_nam=y, den_nam=y, ke_hoach_cha="bg-2016-2020", co_quan_bao_cao="sct-bg")
    for ct, v, note in TARGETS:
        w.add("muc_tieu", ke_hoach="bg-2016-2020", chi_tieu=ct, gia_tri=v, ghi_chu=note)


# ---------------------------------------------------------------------------------------------
# Establishments
# ---------------------------------------------------------------------------------------------
BRANDS = ["Hưng Thịnh", "Minh Phát", "Đức Anh", "Phú Cường", "Thành Đạt", "Tân Phát", "Hoàng Long", "Việt Hưng",
          "An Phát", "Quang Minh", "Bảo Ngọc", "Trường Sơn", "Hải Nam", "Thịnh Vượng", "Đại Thành", "Hòa Bình",
          "Phúc Lộc", "Kim Ngân", "Thái Sơn", "Hồng Hà", "Nam Việt", "Đông Á", "Thiên Phú", "Hoàng Gia",
          "Tiến Đạt", "Mạnh Hùng", "Sơn Hà", "Phương Đông", "Toàn Thắng", "Gia Bảo", "Khánh An", "Vĩnh Phát",
          "Lâm Anh", "Quốc Khánh", "Trung Kiên", "Hợp Lực", "Đồng Tâm", "Tuấn Linh", "Bắc Hà", "Ngọc Lan"]
SECTOR_WORD = {"che_bien": ["Chế biến nông sản", "Thực phẩm", "Nông sản"],
               "co_khi": ["Cơ khí", "Cơ khí chế tạo", "Cơ điện"],
               "det_may": ["May mặc", "May xuất khẩu"],
               "vat_lieu_xay_dung": ["Vật liệu xây dựng", "Xây dựng và Vật liệu"],
               "thu_cong_my_nghe": ["Mỹ nghệ", "Thủ công mỹ nghệ"],
               "ho_tro": ["Công nghiệp hỗ trợ", "Sản xuất và Thương mại"],
               "hoa_chat": ["Phân bón", "Hóa chất nông nghiệp"],
               "khac": ["Nước tinh khiết", "Dịch vụ thương mại"]}
SECTOR_PRODUCTS = {"che_bien": ["mỳ gạo", "bún khô", "chè búp", "miến dong", "rượu", "tinh bột nghệ",
                                "thức ăn chăn nuôi", "nấm", "vải thiều sấy khô", "gạo", "bánh đa nem"],
                   "co_khi": ["khung nhà thép", "máy nông nghiệp", "linh kiện cơ khí", "cửa sắt, cửa nhôm",
                              "lò sấy nông sản"],
                   "det_may": ["hàng may mặc xuất khẩu", "quần áo bảo hộ lao động"],
                   "vat_lieu_xay_dung": ["gạch không nung", "cấu kiện bê tông đúc sẵn", "đá xây dựng",
                                         "ngói màu"],
                   "thu_cong_my_nghe": ["đồ gỗ mỹ nghệ", "mây tre đan", "hương thơm", "gốm"],
                   "ho_tro": ["bao bì carton", "linh kiện nhựa", "bao bì nhựa"],
                   "hoa_chat": ["phân bón hữu cơ vi sinh"],
                   "khac": ["nước uống tinh khiết đóng chai"]}
SECTOR_WEIGHTS = [("che_bien", 35), ("co_khi", 20), ("vat_lieu_xay_dung", 15), ("det_may", 10),
                  ("thu_cong_my_nghe", 8), ("ho_tro", 7), ("hoa_chat", 3), ("khac", 2)]
HAMLETS = ["Đông", "Tây", "Trung", "Hạ", "Thượng", "Chợ", "Mới", "Tiền Phong", "Hòa Bình", "Đồng Quan",
           "Phú Thượng", "Nội", "Ngoài", "Tân Lập", "Đình", "Cầu", "Bến", "Núi", "Chùa", "Hòa Sơn"]


def pick_weighted(rng, pairs):
    total = sum(x for _, x in pairs)
    r = rng.uniform(0, total)
    for v, x in pairs:
        r -= x
        if r <= 0:
            return v
    return pairs[-1][0]


class Establishments:
    def __init__(self, w: World):
        self.w = w
        self.rng = w.rng
        self.names = set()
        self.rows = []
        self.by_commune = {}
        self.mst = set()
        self.person = Names(self.rng)

    def commune_label(self, code):
        u = self.w.unit[code]
        d = self.w.unit[u["ma_cap_tren"]]
        lbl = {"xa": "xã", "phuong": "phường", "thi_tran": "thị trấn"}[u["loai"]]
        dl = {"huyen": "huyện", "thanh_pho": "thành phố", "thi_xa": "thị xã"}[d["loai"]]
        return lbl, u["ten"], dl, d["ten"]

    def make(self, commune, sector, loai=None, year_max=2019, name=None):
        rng = self.rng
        if loai is None:
            loai = pick_weighted(rng, [("doanh_nghiep", 45), ("hop_tac_xa", 15), ("to_hop_tac", 5),
                                       ("ho_kinh_doanh", 35)])
        lbl, cten, dl, dten = self.commune_label(commune)
        for attempt in range(200):
            if name and attempt == 0:
                ten = name
            elif loai == "doanh_nghiep":
                form = rng.choice(["Công ty TNHH", "Công ty TNHH", "Công ty cổ phần"])
                ten = f"{form} {rng.choice(SECTOR_WORD[sector])} {rng.choice(BRANDS)}"
            elif loai == "hop_tac_xa":
                word = rng.choice(SECTOR_WORD[sector])
                ten = f"Hợp tác xã {word} {cten}" if attempt < 3 else f"Hợp tác xã {word} {rng.choice(BRANDS)}"
            elif loai == "to_hop_tac":
                ten = f"Tổ hợp tác {rng.choice(SECTOR_WORD[sector]).lower()} thôn {rng.choice(HAMLETS)}"
            else:
                ten = f"Hộ kinh doanh {self.person.person()}"
            core = ten.replace("Công ty TNHH ", "").replace("Công ty cổ phần ", "")
            if ten not in self.names and core not in self.names:
                self.names.add(core)
                break
        else:
            raise RuntimeError("no unique establishment name")
        self.names.add(ten)
        ma = f"cs-{len(self.rows) + 1:04d}"
        mst = None
        if loai in ("doanh_nghiep", "hop_tac_xa"):
            while True:
                mst = f"2400{rng.randint(100000, 999999)}"
                if mst not in self.mst:
                    self.mst.add(mst)
                    break
        workers = {"doanh_nghiep": (15, 250), "hop_tac_xa": (8, 60), "to_hop_tac": (5, 20),
                   "ho_kinh_doanh": (3, 15)}[loai]
        row = dict(ma=ma, ten=ten, loai=loai, nganh=sector, dia_ban=commune,
                   dia_chi=f"Thôn {rng.choice(HAMLETS)}, {lbl} {cten}, {dl} {dten}, tỉnh Bắc Giang",
                   ma_so_thue=mst, nam_thanh_lap=rng.randint(1996, max(1996, year_max)),
                   so_lao_dong=rng.randint(*workers))
        self.rows.append(row)
        self.by_commune.setdefault(commune, []).append(row)
        return row


# ---------------------------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------------------------
class P:
    """A project under construction."""
    _n = 0

    def __init__(self, level, content, kind, year=None, district=None, commune=None, **extra):
        P._n += 1
        self.id = P._n
        self.level, self.content, self.kind = level, content, kind
        self.year, self.district, self.commune = year, district, commune
        self.extra = extra
        self.nsnn = 0
        self.doi_ung = 0
        self.benef = []
        self.outputs = {}
        self.title = None
        self.status = None
        self.ma = None


LOCATED_KINDS = {"machinery", "model", "sxsh", "showroom", "brand", "consult", "d_training", "d_capacity",
                 "d_promo", "d_consult", "d_info"}
COMMUNE_KINDS = {"machinery", "model", "sxsh", "showroom", "brand", "consult", "d_training", "d_consult"}


def year_counts(n, weights=(15, 18, 20, 22, 25)):
    return largest_remainder(n, list(weights))


def assign_years(rng, projects, weights=(15, 18, 20, 22, 25)):
    free = [p for p in projects if p.year is None]
    counts = year_counts(len(free), weights)
    years = [y for y, c in zip(YEARS, counts) for _ in range(c)]
    rng.shuffle(free)
    for p, y in zip(free, years):
        p.year = y


def assign_amounts(rng, projects, total, lo, hi, step):
    """Splits `total` over the projects; larger amounts tend to go to later years (budgets rising)."""
    amounts = sorted(split_money(rng, total, len(projects), lo, hi, step))
    n = len(amounts)
    # Weak rank correlation between amount and year: sort by rank plus generous noise.
    amounts = [a for _, a in sorted((i + rng.uniform(-0.6 * n, 0.6 * n), a) for i, a in enumerate(amounts))]
    order = sorted(projects, key=lambda p: (p.year, rng.random()))
    for p, a in zip(order, amounts):
        p.nsnn = a


def build_projects(w: World, est: Establishments):
    rng = w.rng
    C = w.commune_of
    projects = []

    def new(*a, **k):
        p = P(*a, **k)
        projects.append(p)
        return p

    # --- national: 17 projects, nd45-3, 6.000 million -------------------------------------------
    nat = [new("quoc_gia", 3, "model", model="tôn ba lớp cách nhiệt", district="viet-yen",
               commune=C[("viet-yen", "Nếnh")], sector="vat_lieu_xay_dung", year=2017)]
    nat += [new("quoc_gia", 3, "machinery") for _ in range(16)]
    assign_years(rng, nat, (12, 18, 20, 24, 26))
    assign_amounts(rng, nat, 6_000 * TRIEU, 250 * TRIEU, 450 * TRIEU, 10 * TRIEU)

    # --- provincial: 132 projects, 16.150 million ----------------------------------------------
    prov = []
    g = [new("tinh", 1, "training", trade=t) for t in
         ["sản xuất hương thơm", "mây tre đan", "mộc dân dụng", "vận hành và sửa chữa máy nông nghiệp",
          "mây tre đan", "sản xuất hương thơm", "mộc dân dụng", "vận hành và sửa chữa máy nông nghiệp",
          "mây tre đan"]]
    for p, y in zip(g, [2016, 2017, 2017, 2018, 2018, 2019, 2019, 2020, 2020]):
        p.year = y
    assign_amounts(rng, g, 550 * TRIEU, 45 * TRIEU, 80 * TRIEU, 5 * TRIEU)
    for p, v in zip(g, split_int(rng, 465, 9, 40, 65)):
        p.outputs["lao_dong_dao_tao"] = v
    prov += g

    topics = ["kiến thức khởi sự doanh nghiệp", "kiến thức quản trị doanh nghiệp",
              "kiến thức an toàn thực phẩm trong chế biến nông sản", "các quy định về công nghiệp hỗ trợ",
              "kỹ thuật an toàn trong hoạt động khai thác khoáng sản", "kiến thức quản trị doanh nghiệp",
              "nâng cao nhận thức về cuộc cách mạng công nghiệp 4.0", "kiến thức khởi sự doanh nghiệp",
              "kiến thức áp dụng sản xuất sạch hơn trong công nghiệp"]
    courses = [new("tinh", 2, "course", topic=t) for t in topics]
    for p, y in zip(courses, [2016, 2016, 2017, 2017, 2018, 2018, 2019, 2020, 2020]):
        p.year = y
    tours = [new("tinh", 2, "tour", year=y) for y in [2016, 2017, 2018, 2019, 2020]]
    g = courses + tours
    assign_amounts(rng, g, 1_385 * TRIEU, 70 * TRIEU, 130 * TRIEU, 5 * TRIEU)
    for p, v in zip(courses, split_int(rng, 1377, len(courses), 120, 190)):
        p.outputs["hoc_vien_tap_huan"] = v
    for p, v in zip(tours, split_int(rng, 690, len(tours), 120, 160)):
        p.outputs["luot_khao_sat"] = v
    prov += g

    g = [new("tinh", 3, "model", model="chế phẩm sinh học biolin", district="lang-giang",
             commune=C[("lang-giang", "Nghĩa Hưng")], sector="hoa_chat", year=2018),
         new("tinh", 3, "model", model="thức ăn chăn nuôi", district="hiep-hoa",
             commune=C[("hiep-hoa", "Châu Minh")], sector="che_bien", year=2019),
         new("tinh", 3, "sxsh", year=2018), new("tinh", 3, "sxsh", year=2020)]
    g += [new("tinh", 3, "machinery") for _ in range(50)]
    assign_years(rng, g)
    assign_amounts(rng, g, 6_700 * TRIEU, 60 * TRIEU, 300 * TRIEU, 5 * TRIEU)
    prov += g

    fairs = FAIRS
    g = [new("tinh", 4, "fair", year=f[1], fair=f) for f in fairs]
    g += [new("tinh", 4, "round_tinh", year=2017), new("tinh", 4, "round_tinh", year=2019),
          new("tinh", 4, "round_up", year=2018), new("tinh", 4, "round_up", year=2020)]
    g += [new("tinh", 4, "showroom", year=2017, district="luc-ngan", commune=C[("luc-ngan", "Nam Dương")],
              product="mỳ gạo Chũ", sector="che_bien",
              bname="Hợp tác xã Sản xuất và Kinh doanh mỳ Chũ Nam Dương"),
          new("tinh", 4, "showroom", year=2019, district="yen-the", commune=C[("yen-the", "Phồn Xương")],
              product="gà đồi Yên Thế", sector="che_bien",
              bname="Hợp tác xã Gà đồi Yên Thế"),
          new("tinh", 4, "showroom", year=2020, district="viet-yen", commune=C[("viet-yen", "Quảng Minh")],
              product="gốm làng Ngòi", sector="thu_cong_my_nghe",
              bname="Hợp tác xã Gốm làng Ngòi")]
    g += [new("tinh", 4, "brand", year=2016, district="viet-yen", commune=C[("viet-yen", "Vân Hà")],
              product="rượu làng Vân", sector="che_bien",
              bname="Hợp tác xã Rượu làng Vân"),
          new("tinh", 4, "brand", year=2018, district="tan-yen", commune=C[("tan-yen", "Ngọc Châu")],
              product="mỳ gạo Châu Sơn", sector="che_bien",
              bname="Hợp tác xã Mỳ gạo Châu Sơn"),
          new("tinh", 4, "brand", year=2020, district="tp-bac-giang", commune=C[("tp-bac-giang", "Đình Trì")],
              product="đồ gỗ mộc Đình Trì", sector="thu_cong_my_nghe",
              bname="Hợp tác xã Mộc Đình Trì")]
    assign_amounts(rng, g, 2_155 * TRIEU, 60 * TRIEU, 200 * TRIEU, 5 * TRIEU)
    for p in g:
        if p.kind == "fair":
            p.outputs["hoi_cho"] = 1
            p.outputs["luot_tham_gia_hoi_cho"] = p.extra["fair"][3]
        elif p.kind == "showroom":
            p.outputs["phong_trung_bay"] = 1
    prov += g

    consult_specs = [  # district, commune, product, sector, establishments supported
        ("luc-ngan", "Phượng Sơn", "vải thiều sấy khô", "che_bien", 6),
        ("luc-ngan", "Hồng Giang", "vải thiều sấy khô", "che_bien", 5),
        ("luc-ngan", "Nam Dương", "mỳ gạo Chũ", "che_bien", 7),
        ("tan-yen", "Ngọc Châu", "mỳ gạo Châu Sơn", "che_bien", 6),
        ("yen-the", "Đồng Lạc", "gà đồi Yên Thế", "che_bien", 5),
        ("yen-the", "Tam Tiến", "chè", "che_bien", 4),
        ("viet-yen", "Vân Hà", "rượu làng Vân", "che_bien", 6),
        ("lang-giang", "Quang Thịnh", "nấm", "che_bien", 5),
        ("tp-bac-giang", "Dĩnh Kế", "bánh đa nem", "che_bien", 4),
        ("luc-nam", "Cẩm Lý", "chè", "che_bien", 5),
        ("tp-bac-giang", "Đình Trì", "đồ gỗ mỹ nghệ", "thu_cong_my_nghe", 5),
        ("viet-yen", "Tăng Tiến", "mây tre đan", "thu_cong_my_nghe", 4),
        ("yen-dung", "Tiền Phong", "bún khô", "che_bien", 5),
    ]
    assert sum(s[4] for s in consult_specs) == 67
    g = [new("tinh", 5, "consult", district=d, commune=C[(d, c)], product=pr, sector=s, k=k)
         for d, c, pr, s, k in consult_specs]
    assign_years(rng, g)
    assign_amounts(rng, g, 2_750 * TRIEU, 150 * TRIEU, 280 * TRIEU, 5 * TRIEU)
    prov += g

    g = [new("tinh", 6, "info", year=y) for y in YEARS]
    g += [new("tinh", 6, "catalog", year=2017), new("tinh", 6, "catalog", year=2019)]
    g += [new("tinh", 6, "website", year=y) for y in (2016, 2018, 2020)]
    assign_amounts(rng, g, 1_230 * TRIEU, 60 * TRIEU, 200 * TRIEU, 5 * TRIEU)
    for p in g:
        if p.kind == "info":
            p.outputs["ban_tin"] = 360
            p.outputs["chuong_trinh_tin_bai"] = 160
        elif p.kind == "catalog":
            p.outputs["catalog"] = 1500
    prov += g

    g = [new("tinh", 7, "clusters", year=2017)]
    g[0].nsnn = 520 * TRIEU
    g[0].outputs["cum_cn_khao_sat"] = 4
    prov += g

    g = [new("tinh", 9, "capacity", year=y) for y in YEARS]
    g += [new("tinh", 9, "regulation", year=y) for y in (2017, 2018, 2019)]
    g += [new("tinh", 9, "inspection", year=y) for y in (2018, 2020)]
    g += [new("tinh", 9, "equipment", year=y) for y in (2019, 2020)]
    assign_amounts(rng, g, 860 * TRIEU, 50 * TRIEU, 100 * TRIEU, 5 * TRIEU)
    for p in g:
        if p.kind == "regulation":
            p.outputs["van_ban_quy_dinh"] = 1
    prov += g
    assert len(prov) == 132

    # --- district: 148 projects, 8.572,3 million --------------------------------------------------
    dist = []
    g = [new("huyen", 3, "machinery") for _ in range(83)]
    assign_years(rng, g)
    assign_amounts(rng, g, 4_925 * TRIEU, 30 * TRIEU, 100 * TRIEU, 5 * TRIEU)
    dist += g
    for content, kind, n, total in [(1, "d_training", 20, 1_100 * TRIEU), (2, "d_capacity", 15, 720 * TRIEU),
                                    (4, "d_promo", 12, 860_300_000), (5, "d_consult", 10, 567 * TRIEU),
                                    (6, "d_info", 8, 400 * TRIEU)]:
        g = [new("huyen", content, kind) for _ in range(n)]
        assign_years(rng, g)
        assign_amounts(rng, g, total, 30 * TRIEU, 100 * TRIEU, 5 * TRIEU)
        dist += g
    assert len(dist) == 148

    counted = nat + prov + dist
    for p in counted:
        p.counted = True

    # --- locations ---------------------------------------------------------------------------------
    located = [p for p in counted if p.kind in LOCATED_KINDS]
    suffixes = list(DISTRICT_WEIGHT)
    quota = dict(zip(suffixes, largest_remainder(len(located), [DISTRICT_WEIGHT[s] for s in suffixes])))
    for p in located:
        if p.district:
            quota[p.district] -= 1
    assert all(v >= 0 for v in quota.values()), quota
    pool = [s for s in suffixes for _ in range(quota[s])]
    rng.shuffle(pool)
    free = [p for p in located if not p.district]
    assert len(pool) == len(free)
    for p, s in zip(free, pool):
        p.district = s
    for p in located:
        if p.kind in COMMUNE_KINDS and not p.commune:
            p.commune = rng.choice(w.communes[p.district])

    # --- beneficiaries, titles, outputs ------------------------------------------------------------
    mountain = set(PRIORITY)
    two_benef = set(rng.sample([p.id for p in counted if p.kind == "machinery" and p.level != "huyen"], 4))
    for p in sorted(counted, key=lambda p: (p.year, p.id)):
        if p.kind == "machinery":
            weights = SECTOR_WEIGHTS if p.district not in mountain else \
                [("che_bien", 55)] + [x for x in SECTOR_WEIGHTS if x[0] != "che_bien"]
            n = 2 if p.id in two_benef else 1
            for i in range(n):
                sector = pick_weighted(rng, weights) if i == 0 else p.benef[0]["nganh"]
                reuse = [e for e in est.by_commune.get(p.commune, []) if e["nganh"] == sector
                         and e["nam_thanh_lap"] < p.year and e not in p.benef]
                if reuse and rng.random() < 0.35:
                    e = rng.choice(reuse)
                else:
                    loai = pick_weighted(rng, [("doanh_nghiep", 70), ("hop_tac_xa", 20), ("ho_kinh_doanh", 10)]) \
                        if p.level == "quoc_gia" else None
                    e = est.make(p.commune, sector, loai=loai, year_max=p.year - 1)
                p.benef.append(e)
            p.outputs["co_so_ung_dung_may_moc"] = n
        elif p.kind in ("model", "sxsh"):
            sector = p.extra.get("sector") or pick_weighted(rng, [("vat_lieu_xay_dung", 40), ("hoa_chat", 30),
                                                                   ("co_khi", 30)])
            p.benef.append(est.make(p.commune, sector, loai="doanh_nghiep", year_max=p.year - 2))
            p.outputs["mo_hinh_trinh_dien" if p.kind == "model" else "danh_gia_sxsh"] = 1
        elif p.kind in ("showroom", "brand"):
            p.benef.append(est.make(p.commune, p.extra["sector"], loai="hop_tac_xa", year_max=p.year - 2,
                                    name=p.extra["bname"]))
        elif p.kind == "consult":
            for _ in range(p.extra["k"]):
                p.benef.append(est.make(p.commune, p.extra["sector"],
                                        loai=pick_weighted(rng, [("hop_tac_xa", 25), ("ho_kinh_doanh", 50),
                                                                 ("doanh_nghiep", 15), ("to_hop_tac", 10)]),
                                        year_max=p.year - 1))
            p.outputs["co_so_tu_van"] = len(p.benef)
        elif p.kind == "d_consult":
            sector = pick_weighted(rng, SECTOR_WEIGHTS)
            for _ in range(rng.choice([1, 1, 2])):
                p.benef.append(est.make(p.commune, sector, loai=pick_weighted(
                    rng, [("hop_tac_xa", 30), ("ho_kinh_doanh", 50), ("to_hop_tac", 20)]), year_max=p.year - 1))
        p.title = project_title(w, p, rng)

    # --- projects that must not be counted ---------------------------------------------------------
    extra = []
    e = new("tinh", 3, "machinery", year=2018, district="hiep-hoa", commune=C[("hiep-hoa", "Mai Đình")])
    e.nsnn, e.doi_ung, e.status = 250 * TRIEU, 1_900 * TRIEU, "tu_choi"
    e.benef_hint = est.make(e.commune, "co_khi", loai="doanh_nghiep", year_max=2015)
    e.title = f"Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất khung nhà thép tại {e.benef_hint['ten']}"
    e.mo_ta = "Hồ sơ không được chấp thuận tại Hội đồng thẩm định đề án khuyến công tỉnh năm 2018."
    extra.append(e)
    e = new("tinh", 5, "consult", year=2019, district="son-dong", commune=C[("son-dong", "An Lạc")])
    e.nsnn, e.doi_ung, e.status = 180 * TRIEU, 40 * TRIEU, "huy"
    e.title = "Hỗ trợ tư vấn thiết kế bao bì, tem truy xuất nguồn gốc sản phẩm miến dong cho các cơ sở tại xã An Lạc"
    e.mo_ta = "Đã phê duyệt nhưng hủy do cơ sở thụ hưởng không bố trí được vốn đối ứng."
    extra.append(e)
    e = new("tinh", 3, "machinery", year=2021, district="luc-ngan", commune=C[("luc-ngan", "Quý Sơn")])
    e.nsnn, e.doi_ung, e.status = 280 * TRIEU, 2_350 * TRIEU, "dang_thuc_hien"
    e.benef_hint = est.make(e.commune, "che_bien", loai="doanh_nghiep", year_max=2018)
    e.title = f"Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất vải thiều sấy khô tại {e.benef_hint['ten']}"
    extra.append(e)
    e = new("tinh", 6, "info", year=2021)
    e.nsnn, e.doi_ung, e.status = 260 * TRIEU, 0, "phe_duyet"
    e.title = "Thông tin, tuyên truyền về hoạt động khuyến công năm 2021"
    extra.append(e)
    e = new("quoc_gia", 3, "machinery", year=2021, district="tan-yen", commune=C[("tan-yen", "Cao Xá")])
    e.nsnn, e.doi_ung, e.status = 400 * TRIEU, 3_100 * TRIEU, "phe_duyet"
    e.benef_hint = est.make(e.commune, "co_khi", loai="doanh_nghiep", year_max=2016)
    e.title = f"Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất máy nông nghiệp tại {e.benef_hint['ten']}"
    extra.append(e)
    for p in extra:
        p.counted = False

    assign_counterpart(rng, counted)
    return counted, extra


FAIRS = [  # ma, nam, ten, so_luot, dia_diem
    ("hc-2016-01", 2016, "Hội chợ Công Thương khu vực Đồng bằng sông Hồng năm 2016", 34,
     "Thành phố Bắc Giang, tỉnh Bắc Giang"),
    ("hc-2017-01", 2017, "Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2017", 30,
     "Thành phố Thái Nguyên, tỉnh Thái Nguyên"),
    ("hc-2017-02", 2017, "Hội chợ Thương mại quốc tế Việt Nam (Vietnam Expo) năm 2017", 28, "Thành phố Hà Nội"),
    ("hc-2018-01", 2018, "Hội chợ triển lãm hàng thủ công mỹ nghệ và quà tặng năm 2018", 36, "Thành phố Hà Nội"),
    ("hc-2018-02", 2018, "Hội chợ thương mại vải thiều Lục Ngạn năm 2018", 52, "Thị trấn Chũ, huyện Lục Ngạn"),
    ("hc-2019-01", 2019, "Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2019", 38,
     "Thành phố Phủ Lý, tỉnh Hà Nam"),
    ("hc-2019-02", 2019, "Hội chợ Công Thương tỉnh Bắc Giang năm 2019", 60, "Thành phố Bắc Giang, tỉnh Bắc Giang"),
    ("hc-2020-01", 2020, "Hội chợ triển lãm sản phẩm công nghiệp nông thôn tiêu biểu toàn quốc năm 2020", 32,
     "Thành phố Hà Nội"),
    ("hc-2020-02", 2020, "Hội chợ xúc tiến thương mại sản phẩm nông nghiệp, công nghiệp nông thôn tỉnh Bắc Giang "
     "năm 2020", 40, "Thành phố Bắc Giang, tỉnh Bắc Giang"),
]


def project_title(w: World, p: P, rng) -> str:
    y = p.year
    place = None
    if p.commune:
        u = w.unit[p.commune]
        place = {"xa": "xã", "phuong": "phường", "thi_tran": "thị trấn"}[u["loai"]] + " " + u["ten"]
    dname = None
    if p.district:
        d = w.unit[f"bg-{p.district}"]
        dname = ("thành phố " if d["loai"] == "thanh_pho" else "huyện ") + d["ten"]
    k = p.kind
    if k == "machinery":
        b = p.benef[0]
        prod = rng.choice(SECTOR_PRODUCTS[b["nganh"]])
        verb = rng.choice(["Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất",
                           "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào dây chuyền sản xuất",
                           "Hỗ trợ ứng dụng máy móc tiên tiến nâng cao năng suất, chất lượng sản xuất"])
        if len(p.benef) == 2:
            return f"{verb} {prod} tại {b['ten']} và {p.benef[1]['ten']}"
        return f"{verb} {prod} tại {b['ten']}"
    if k == "model":
        return f"Xây dựng mô hình trình diễn kỹ thuật sản xuất {p.extra['model']} tại {p.benef[0]['ten']}"
    if k == "sxsh":
        return f"Hỗ trợ đánh giá sản xuất sạch hơn tại {p.benef[0]['ten']}"
    if k == "training":
        return f"Tổ chức đào tạo nghề, truyền nghề {p.extra['trade']} cho lao động nông thôn năm {y}"
    if k == "course":
        return f"Tập huấn {p.extra['topic']} cho các cơ sở công nghiệp nông thôn năm {y}"
    if k == "tour":
        return (f"Tổ chức đoàn khảo sát, học tập, trao đổi kinh nghiệm phát triển công nghiệp - tiểu thủ công "
                f"nghiệp, làng nghề tại các tỉnh năm {y}")
    if k == "fair":
        return f"Hỗ trợ các cơ sở công nghiệp nông thôn tham gia {p.extra['fair'][2]}"
    if k == "round_tinh":
        return f"Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm {y}"
    if k == "round_up":
        return f"Tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực và cấp quốc gia năm {y}"
    if k == "showroom":
        return f"Hỗ trợ xây dựng phòng trưng bày, giới thiệu sản phẩm {p.extra['product']} tại {p.benef[0]['ten']}"
    if k == "brand":
        return f"Hỗ trợ xây dựng, đăng ký nhãn hiệu tập thể \"{p.extra['product'][0].upper()}{p.extra['product'][1:]}\" tại {place}"
    if k == "consult":
        return (f"Hỗ trợ tư vấn thiết kế mẫu mã, bao bì đóng gói, tem truy xuất nguồn gốc sản phẩm "
                f"{p.extra['product']} cho các cơ sở tại {place}, {dname}")
    if k == "info":
        return f"Thông tin, tuyên truyền về hoạt động khuyến công năm {y}"
    if k == "catalog":
        return f"Xuất bản catalog giới thiệu, quảng bá sản phẩm công nghiệp nông thôn tiêu biểu năm {y}"
    if k == "website":
        return f"Duy trì, nâng cấp Trang thông tin điện tử khuyến công năm {y}"
    if k == "clusters":
        return ("Khảo sát, xác định vị trí, ranh giới, diện tích quy hoạch và cắm mốc giới các khu, cụm công "
                "nghiệp trên địa bàn tỉnh")
    if k == "capacity":
        return f"Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công năm {y}"
    if k == "regulation":
        return f"Xây dựng, trình ban hành văn bản quy định về hoạt động khuyến công năm {y}"
    if k == "inspection":
        return f"Hướng dẫn, kiểm tra, giám sát, hậu kiểm các đề án khuyến công năm {y}"
    if k == "equipment":
        return f"Đầu tư trang thiết bị, phương tiện làm việc cho bộ phận khuyến công năm {y}"
    if k == "d_training":
        trade = rng.choice(["mây tre đan", "mộc dân dụng", "may công nghiệp", "chế biến nông sản",
                            "sản xuất hương", "sửa chữa máy nông nghiệp", "làm bún, bánh"])
        return f"Đào tạo nghề {trade} cho lao động nông thôn tại {place}"
    if k == "d_capacity":
        return f"Tập huấn nâng cao năng lực quản lý cho các cơ sở công nghiệp nông thôn {dname} năm {y}"
    if k == "d_promo":
        return rng.choice([f"Hỗ trợ quảng bá sản phẩm công nghiệp nông thôn tiêu biểu {dname} năm {y}",
                           f"Hỗ trợ xây dựng điểm giới thiệu, bán sản phẩm công nghiệp nông thôn {dname} năm {y}"])
    if k == "d_consult":
        return f"Hỗ trợ tư vấn thiết kế nhãn mác, bao bì sản phẩm cho cơ sở công nghiệp nông thôn tại {place}"
    if k == "d_info":
        return f"Tuyên truyền chính sách khuyến công trên hệ thống truyền thanh {dname} năm {y}"
    raise ValueError(k)


COUNTERPART_TOTAL = 229_219 * TRIEU
COUNTERPART_RATIO = {  # beneficiaries' share relative to the state budget, for projects outside machinery
    "model": (3.0, 5.0), "sxsh": (0.6, 1.0), "showroom": (2.0, 4.0), "brand": (0.3, 0.6), "consult": (0.3, 0.6),
    "fair": (0.4, 0.8), "tour": (0.1, 0.3), "course": (0.0, 0.0), "training": (0.0, 0.1),
    "d_training": (0.0, 0.0), "d_consult": (0.3, 0.6), "d_promo": (0.2, 0.5),
}


def assign_counterpart(rng, counted):
    rest = 0
    for p in counted:
        if p.kind in COUNTERPART_RATIO:
            lo, hi = COUNTERPART_RATIO[p.kind]
            p.doi_ung = int(round(p.nsnn * rng.uniform(lo, hi) / TRIEU)) * TRIEU
        elif p.kind != "machinery":
            p.doi_ung = 0
        rest += p.doi_ung
    mach = [p for p in counted if p.kind == "machinery"]
    remaining = COUNTERPART_TOTAL - rest
    weights = [p.nsnn * rng.uniform(7.0, 20.0) for p in mach]
    scale = remaining / sum(weights)
    vals = [int(x * scale / TRIEU) * TRIEU for x in weights]
    diff = remaining - sum(vals)
    assert diff >= 0 and diff % TRIEU == 0
    for i in range(diff // TRIEU):
        vals[i % len(vals)] += TRIEU
    for p, v in zip(mach, vals):
        assert v >= p.nsnn, "support must be at most half of the cost"
        p.doi_ung = v
    assert sum(p.doi_ung for p in counted) == COUNTERPART_TOTAL


def finish_projects(w: World, counted, extra):
    rng = w.rng
    all_p = counted + extra
    letter = {"quoc_gia": "q", "tinh": "t", "huyen": "h"}
    seq = {}
    for p in sorted(all_p, key=lambda p: (p.year, letter[p.level], p.content, p.id)):
        key = (p.year, p.level)
        seq[key] = seq.get(key, 0) + 1
        p.ma = f"bg-{p.year}-{letter[p.level]}-{seq[key]:03d}"
    seen = Counter()
    for p in sorted(all_p, key=lambda p: p.ma):  # identical titles get "(đợt 2)", "(đợt 3)"…
        seen[p.title] += 1
        if seen[p.title] > 1:
            p.title = f"{p.title} (đợt {seen[p.title]})"
    for p in all_p:
        y = p.year
        if p.counted:
            share = {2016: 0.45, 2017: 0.4, 2018: 0.3, 2019: 0.2, 2020: 0.1}[y]
            p.status = "hau_kiem" if rng.random() < share else "quyet_toan"
            start = {"quoc_gia": (1, 3), "tinh": (2, 4), "huyen": (3, 6)}[p.level]
            approved = rand_date(rng, y, *start)
            accepted = rand_date(rng, y, 10, 12)
            if p.kind == "fair":  # accepted after the fair, still in the year
                accepted = rand_date(rng, y, 11, 12)
        else:
            approved = None if p.status == "tu_choi" else rand_date(rng, y, 2, 4)
            accepted = None
        if p.level == "huyen":
            unit = office_code(p.district)
        else:
            unit = "ttkc-bg"
        dia_ban = p.commune or (f"bg-{p.district}" if p.district else "bg")
        mo_ta = getattr(p, "mo_ta", None)
        if mo_ta is None and p.kind == "machinery" and p.counted and rng.random() < 0.25:
            total = p.nsnn + p.doi_ung
            mo_ta = (f"Tổng vốn đầu tư máy móc, thiết bị {vn_trieu(total)} triệu đồng; kinh phí khuyến công hỗ trợ "
                     f"{vn_trieu(p.nsnn)} triệu đồng.")
        if mo_ta is None and p.kind == "fair":
            mo_ta = f"Hỗ trợ gian hàng cho {p.extra['fair'][3]} lượt cơ sở tham gia \"{p.extra['fair'][2]}\"."
        w.add("de_an", ma=p.ma, ten=p.title, noi_dung=f"nd45-{p.content}", cap_kinh_phi=p.level,
              nam_bat_dau=y, nam_ket_thuc=y, don_vi_thuc_hien=unit, dia_ban=dia_ban, kinh_phi_nsnn=p.nsnn,
              kinh_phi_doi_ung=p.doi_ung, trang_thai=p.status, ngay_phe_duyet=approved,
              ngay_nghiem_thu=accepted, mo_ta=mo_ta)
        for e in p.benef:
            w.add("de_an_co_so", de_an=p.ma, co_so=e["ma"])
        for ct, v in p.outputs.items():
            w.add("de_an_ket_qua", de_an=p.ma, chi_tieu=ct, gia_tri=v)


def vn_trieu(dong):
    """Vietnamese million format: 30.722,3"""
    whole, frac = divmod(dong, TRIEU)
    s = f"{whole:,}".replace(",", ".")
    if frac:
        s += "," + f"{frac / TRIEU:.3f}"[2:].rstrip("0")
    return s


# ---------------------------------------------------------------------------------------------
# Fairs, clusters, activity, craft villages, products, statistics
# ---------------------------------------------------------------------------------------------
def build_fairs_clusters(w: World, counted):
    fair_projects = {p.extra["fair"][0]: p for p in counted if p.kind == "fair"}
    for ma, nam, ten, so_luot, dia_diem in FAIRS:
        w.add("hoi_cho", ma=ma, ten=ten, nam=nam, dia_diem=dia_diem, de_an=fair_projects[ma].ma,
              so_luot_tham_gia=so_luot)
    cl = next(p for p in counted if p.kind == "clusters")
    C = w.commune_of
    for ma, ten, commune, ha in [
        ("ccn-nghia-hung", "Cụm công nghiệp Nghĩa Hưng", C[("lang-giang", "Nghĩa Hưng")], 5000),
        ("kcn-tu-lan-trung-son-bich-son", "Khu công nghiệp Tự Lạn - Trung Sơn - Bích Sơn",
         C[("viet-yen", "Tự Lạn")], 18050),
        ("ccn-chau-minh-bac-ly", "Cụm công nghiệp Châu Minh - Bắc Lý", C[("hiep-hoa", "Châu Minh")], 6230),
        ("ccn-doan-bai-luong-phong", "Cụm công nghiệp Đoàn Bái - Lương Phong", C[("hiep-hoa", "Đoàn Bái")], 7500),
    ]:
        w.add("cum_cong_nghiep", ma=ma, ten=ten, dia_ban=commune, dien_tich_ha=ha, trang_thai="quy_hoach",
              de_an=cl.ma)
    w.add("hoat_dong", ma="hd-2019-01",
          ten="Cử cán bộ tham gia đoàn công tác của Cục Công Thương địa phương, Bộ Công Thương đi trao đổi hợp tác, "
              "khảo sát thị trường tại Indonesia và Philippines",
          noi_dung="nd45-8", nam=2019, dia_ban="bg",
          mo_ta="Trao đổi hợp tác, khảo sát thị trường, nghiên cứu cơ chế, chính sách phát triển công nghiệp - tiểu "
                "thủ công nghiệp, doanh nghiệp nhỏ và vừa, quản lý cụm công nghiệp tại Indonesia và Philippines; "
                "không sử dụng kinh phí khuyến công tỉnh.")


NAMED_VILLAGES = [  # ten, nghe, truyen_thong, district, commune, ngay
    ("Làng nghề mỳ Chũ", "sản xuất mỳ gạo", True, "luc-ngan", "Nam Dương", "2009-11-20"),
    ("Làng nghề sản xuất mỳ gạo Châu Sơn", "sản xuất mỳ gạo", True, "tan-yen", "Ngọc Châu", "2011-12-15"),
    ("Làng nghề sản xuất mộc Đình Trì", "mộc dân dụng, mộc mỹ nghệ", False, "tp-bac-giang", "Đình Trì",
     "2013-10-08"),
    ("Làng nghề rượu làng Vân", "nấu rượu", True, "viet-yen", "Vân Hà", "2007-12-27"),
]
OTHER_TRADITIONAL = [
    ("Làng nghề gốm Thổ Hà", "sản xuất gốm", "viet-yen", "Vân Hà"),
    ("Làng nghề bánh đa Kế", "làm bánh đa nem", "tp-bac-giang", "Dĩnh Kế"),
]
CRAFTS_TRAD = ["mây tre đan", "nấu rượu", "làm bún, bánh", "đan cót, nong nia", "làm bánh đa", "sản xuất mỳ gạo",
               "mộc dân dụng"]
CRAFTS_NEW = ["mây tre đan", "chế biến nông sản", "sản xuất hương", "mộc dân dụng", "chế biến vải thiều sấy",
              "làm miến dong", "sản xuất bún, bánh phở", "chế biến chè", "làm đậu phụ", "sản xuất tăm tre",
              "cơ khí nhỏ", "may gia công"]
VILLAGE_NAMES = ["Phúc Lâm", "Đông Tiến", "Trung Đồng", "Yên Khê", "An Lập", "Tân Hòa", "Hạ Lát", "Đông Hương",
                 "Mai Hạ", "Thượng Đồng", "Phú Thượng", "Quế Sơn", "Cẩm Bào", "Đồng Quan", "Nội Quan",
                 "Lai Nguyên", "Phương Lạn", "Thành Công", "Kim Sơn", "Lộc Ninh", "Tiến Thắng", "Đại Giáp",
                 "Xuân Lan", "Hòa Sơn", "Đông Lai", "Ngọc Lý", "Hương Câu", "Tiên Lát", "Phù Lão", "Quỳnh Độ",
                 "Sen Hồ", "Đông Phú", "Cao Lôi", "Tân Lập", "Chi Ly", "Bảo Lộc", "Hà Thượng", "Mỹ Cầu"]
BATCHES = [("2007-12-27", 862), ("2009-11-20", 1543), ("2011-12-15", 2018), ("2013-10-08", 1472),
           ("2015-12-21", 1986), ("2017-11-14", 1631), ("2019-12-10", 1704)]


def batch_decision(date):
    n = dict(BATCHES)[date]
    y, m, d = date.split("-")
    return f"Quyết định số {n}/QĐ-UBND ngày {int(d)}/{int(m)}/{y} của UBND tỉnh Bắc Giang"


def build_villages(w: World):
    rng = w.rng
    C = w.commune_of
    rows = []
    for ten, nghe, tt, d, c, date in NAMED_VILLAGES:
        rows.append(dict(ten=ten, nghe=nghe, truyen_thong=tt, dia_ban=C[(d, c)], ngay_cong_nhan=date,
                         hoat_dong_hieu_qua=True, noi_bat=True))
    for ten, nghe, d, c in OTHER_TRADITIONAL:
        rows.append(dict(ten=ten, nghe=nghe, truyen_thong=True, dia_ban=C[(d, c)],
                         ngay_cong_nhan=rng.choice(BATCHES[:3])[0], hoat_dong_hieu_qua=True, noi_bat=False))
    names = list(VILLAGE_NAMES)
    rng.shuffle(names)
    communes = [c for s in DISTRICT_WEIGHT for c in w.communes[s]]
    used_communes = {r["dia_ban"] for r in rows}
    n_trad = 14 - sum(1 for r in rows if r["truyen_thong"])
    n_new = 25 - sum(1 for r in rows if not r["truyen_thong"])
    weak = set(rng.sample(range(n_new), 3))
    for i in range(n_trad + n_new):
        trad = i < n_trad
        craft = rng.choice(CRAFTS_TRAD if trad else CRAFTS_NEW)
        commune = rng.choice([c for c in communes if c not in used_communes] or communes)
        used_communes.add(commune)
        date = rng.choice(BATCHES[:4] if trad else BATCHES[2:])[0]
        rows.append(dict(ten=f"Làng nghề {craft} thôn {names.pop()}", nghe=craft, truyen_thong=trad,
                         dia_ban=commune, ngay_cong_nhan=date,
                         hoat_dong_hieu_qua=not (not trad and (i - n_trad) in weak), noi_bat=False))
    for i, r in enumerate(rows, start=1):
        r["ma"] = f"ln-{i:02d}"
        r["quyet_dinh_cong_nhan"] = batch_decision(r["ngay_cong_nhan"])
        r["so_ho"] = rng.randint(80, 650)
        r["ngay_thu_hoi"] = None
        w.add("lang_nghe", **r)


PRODUCTS = [  # ten, nhom, district, commune, sector, establishment type
    ("Mỳ gạo Chũ", "che_bien_nong_san", "luc-ngan", "Nam Dương", "che_bien", "hop_tac_xa"),
    ("Rượu làng Vân", "che_bien_nong_san", "viet-yen", "Vân Hà", "che_bien", "doanh_nghiep"),
    ("Gốm Thổ Hà", "thu_cong_my_nghe", "viet-yen", "Vân Hà", "thu_cong_my_nghe", "hop_tac_xa"),
    ("Mỳ gạo Châu Sơn", "che_bien_nong_san", "tan-yen", "Ngọc Châu", "che_bien", "hop_tac_xa"),
    ("Bàn ghế gỗ mỹ nghệ Đình Trì", "thu_cong_my_nghe", "tp-bac-giang", "Đình Trì", "thu_cong_my_nghe",
     "doanh_nghiep"),
    ("Vải thiều sấy khô Lục Ngạn", "che_bien_nong_san", "luc-ngan", "Phượng Sơn", "che_bien", "hop_tac_xa"),
    ("Máy tuốt lúa liên hợp", "co_khi", "lang-giang", "Tân Dĩnh", "co_khi", "doanh_nghiep"),
    ("Bánh đa Kế", "che_bien_nong_san", "tp-bac-giang", "Dĩnh Kế", "che_bien", "ho_kinh_doanh"),
    ("Chè xanh Yên Thế", "che_bien_nong_san", "yen-the", "Tam Tiến", "che_bien", "hop_tac_xa"),
    ("Mây tre đan Tăng Tiến", "thu_cong_my_nghe", "viet-yen", "Tăng Tiến", "thu_cong_my_nghe", "doanh_nghiep"),
    ("Lò sấy vải thiều", "co_khi", "luc-ngan", "Thanh Hải", "co_khi", "ho_kinh_doanh"),
    ("Tôn ba lớp cách nhiệt", "khac", "viet-yen", "Nếnh", "vat_lieu_xay_dung", "doanh_nghiep"),
    ("Nấm sò sấy khô", "che_bien_nong_san", "lang-giang", "Quang Thịnh", "che_bien", "hop_tac_xa"),
    ("Tranh thêu tay", "thu_cong_my_nghe", "hiep-hoa", "Mai Đình", "thu_cong_my_nghe", "ho_kinh_doanh"),
    ("Máy thái chuối, băm rau", "co_khi", "hiep-hoa", "Đông Lỗ", "co_khi", "ho_kinh_doanh"),
    ("Miến dong Sơn Động", "che_bien_nong_san", "son-dong", "An Lạc", "che_bien", "hop_tac_xa"),
    ("Bún khô Tiền Phong", "che_bien_nong_san", "yen-dung", "Tiền Phong", "che_bien", "ho_kinh_doanh"),
    ("Hương nén thảo mộc", "thu_cong_my_nghe", "lang-giang", "Phi Mô", "thu_cong_my_nghe", "to_hop_tac"),
    ("Chế phẩm sinh học Biolin", "khac", "lang-giang", "Nghĩa Hưng", "hoa_chat", "doanh_nghiep"),
    ("Gốm làng Ngòi", "thu_cong_my_nghe", "viet-yen", "Quảng Minh", "thu_cong_my_nghe", "hop_tac_xa"),
    ("Tinh bột nghệ", "che_bien_nong_san", "luc-nam", "Bảo Sơn", "che_bien", "hop_tac_xa"),
    ("Gà đồi Yên Thế ủ muối", "che_bien_nong_san", "yen-the", "Đồng Lạc", "che_bien", "hop_tac_xa"),
    ("Máy ép mỳ gạo", "co_khi", "tan-yen", "Cao Thượng", "co_khi", "ho_kinh_doanh"),
    ("Khung nhà thép tiền chế", "co_khi", "viet-yen", "Bích Động", "co_khi", "doanh_nghiep"),
    ("Thức ăn chăn nuôi hỗn hợp", "che_bien_nong_san", "hiep-hoa", "Châu Minh", "che_bien", "doanh_nghiep"),
    ("Sản phẩm mây tre giang đan", "thu_cong_my_nghe", "luc-nam", "Tiên Hưng", "thu_cong_my_nghe", "to_hop_tac"),
    ("Máy nghiền thức ăn gia súc", "co_khi", "yen-dung", "Nội Hoàng", "co_khi", "doanh_nghiep"),
    ("Tượng gỗ mỹ nghệ", "thu_cong_my_nghe", "tp-bac-giang", "Song Mai", "thu_cong_my_nghe", "ho_kinh_doanh"),
    ("Nước ép vải thiều", "che_bien_nong_san", "luc-ngan", "Quý Sơn", "che_bien", "doanh_nghiep"),
    ("Chè búp khô Lục Nam", "che_bien_nong_san", "luc-nam", "Huyền Sơn", "che_bien", "hop_tac_xa"),
    ("Phân bón hữu cơ vi sinh", "khac", "yen-dung", "Lãng Sơn", "hoa_chat", "doanh_nghiep"),
    ("Bột sắn dây", "che_bien_nong_san", "yen-the", "Phồn Xương", "che_bien", "ho_kinh_doanh"),
    ("Tủ điện công nghiệp", "co_khi", "tp-bac-giang", "Xương Giang", "co_khi", "doanh_nghiep"),
    ("Gạch không nung", "khac", "hiep-hoa", "Hoàng Vân", "vat_lieu_xay_dung", "doanh_nghiep"),
    ("Áo jacket xuất khẩu", "khac", "hiep-hoa", "Thắng", "det_may", "doanh_nghiep"),
    ("Bao bì carton", "khac", "yen-dung", "Neo", "ho_tro", "doanh_nghiep"),
    ("Ván bóc keo", "khac", "son-dong", "Cẩm Đàn", "khac", "ho_kinh_doanh"),
    ("Nước uống tinh khiết", "khac", "luc-nam", "Đồi Ngô", "khac", "doanh_nghiep"),
    ("Gạch terrazzo", "khac", "tp-bac-giang", "Đồng Sơn", "vat_lieu_xay_dung", "doanh_nghiep"),
    ("Mỳ gạo Kiên Thành", "che_bien_nong_san", "luc-ngan", "Kiên Thành", "che_bien", "hop_tac_xa"),
]


def build_products(w: World, est: Establishments):
    rng = w.rng
    C = w.commune_of
    prods = []
    for i, (ten, nhom, d, c, sector, loai) in enumerate(PRODUCTS, start=1):
        commune = C[(d, c)]
        cands = [e for e in est.by_commune.get(commune, []) if e["nganh"] == sector and e["loai"] == loai
                 and not e.get("_product")]
        if cands:
            e = cands[0]
        else:
            name = None
            if loai == "hop_tac_xa":
                cten, dten = w.unit[commune]["ten"], w.unit[f"bg-{d}"]["ten"]
                name = f"Hợp tác xã {ten}" + ("" if cten in ten or dten in ten else f" {cten}")
            elif loai == "to_hop_tac":
                name = f"Tổ hợp tác {ten[0].lower()}{ten[1:]} thôn {rng.choice(HAMLETS)}"
            e = est.make(commune, sector, loai=loai, year_max=2014, name=name)
        e["_product"] = True
        prods.append(dict(ma=f"sp-{i:03d}", ten=ten, co_so=e["ma"], nhom=nhom))
    for p in prods:
        w.add("san_pham", **p)

    rounds = [
        ("bc-tinh-2017", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2017", "tinh", 2017, "bg"),
        ("bc-tinh-2019", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2019", "tinh", 2019, "bg"),
        ("bc-kv-2018", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2018", "khu_vuc",
         2018, None),
        ("bc-kv-2020", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2020", "khu_vuc",
         2020, None),
        ("bc-qg-2018", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2018", "quoc_gia",
         2018, None),
        ("bc-qg-2020", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2020", "quoc_gia",
         2020, None),
    ]
    for ma, ten, cap, nam, db in rounds:
        w.add("dot_binh_chon", ma=ma, ten=ten, cap=cap, nam=nam, dia_ban=db)

    P_ = [p["ma"] for p in prods]
    cert_n = {}

    def result(dot, sp, passed, prefix):
        diem = rng.randint(7000, 9250) if passed else rng.randint(5200, 6950)
        cert = None
        if passed:
            cert_n[dot] = cert_n.get(dot, 0) + 1
            cert = f"{prefix}-{cert_n[dot]:02d}"
        w.add("ket_qua_binh_chon", dot_binh_chon=dot, san_pham=sp, diem=diem, dat=passed, so_chung_nhan=cert)

    # provincial 2017: P0..P17 enter, P0..P13 pass
    for i in range(18):
        result("bc-tinh-2017", P_[i], i < 14, "GCN-BG-2017")
    # provincial 2019: P14, P15 (failed in 2017) and P18..P29 pass; P30..P34 fail
    for i in [14, 15] + list(range(18, 30)):
        result("bc-tinh-2019", P_[i], True, "GCN-BG-2019")
    for i in range(30, 35):
        result("bc-tinh-2019", P_[i], False, "")
    # regional 2018: 5 of the 2017 winners enter, 3 pass; national 2018: the 3 enter, 2 pass
    for i, ok in [(0, True), (1, True), (2, True), (3, False), (4, False)]:
        result("bc-kv-2018", P_[i], ok, "GCN-KV-2018")
    for i, ok in [(0, True), (1, True), (2, False)]:
        result("bc-qg-2018", P_[i], ok, "GCN-QG-2018")
    # regional 2020: 4 provincial winners enter, 2 pass; national 2020: both pass
    for i, ok in [(3, True), (5, True), (18, False), (19, False)]:
        result("bc-kv-2020", P_[i], ok, "GCN-KV-2020")
    for i in [3, 5]:
        result("bc-qg-2020", P_[i], True, "GCN-QG-2020")


def build_statistics(w: World):
    src = "Báo cáo kết quả hoạt động khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020 (Sở Công Thương)"
    for nam, chi_so, v in [(2015, "so_co_so_cnnt", 17_174), (2020, "so_co_so_cnnt", 19_247),
                           (2015, "gtsx_cnnt", 9_656 * 10**9), (2020, "gtsx_cnnt", 23_402 * 10**9)]:
        w.add("thong_ke", dia_ban="bg", nam=nam, chi_so=chi_so, gia_tri=v, nguon=src)
    w.add("thong_ke", dia_ban="bg", nam=2020, chi_so="gtsx_cong_nghiep", gia_tri=209_000 * 10**9,
          nguon="Giả định cho dữ liệu mẫu: suy ra từ tỷ trọng 11,2% giá trị sản xuất công nghiệp nông thôn nêu "
                "trong báo cáo (23.402 / 209.000 = 11,2%)")


README_TEMPLATE = """\
# Demo bundle: khuyến công Bắc Giang 2016–2020

This folder is the demo import bundle of khuyencong. It reconstructs the five-year report of Bắc
Giang province (*Báo cáo kết quả hoạt động khuyến công tỉnh Bắc Giang giai đoạn 2016 - 2020*,
Sở Công Thương, 11/2020; the "seed") as individual records, so that every figure of the report
follows **by computation** from the records (counting projects, summing kinh phí, summing the
outputs of projects, counting passes of typical-product rounds, …).

**Do not edit these CSV files by hand.** They are written by `tools/demo/make_demo.py`
(Python 3, standard library, fixed random seed {seed}; two runs write identical bytes) and
checked by `tools/demo/check_demo.py`:

```sh
python3 tools/demo/make_demo.py          # rewrites data/demo/ (this README included) and runs the check
python3 tools/demo/check_demo.py         # asserts every figure below and the canonical format
khuyencong --db demo.db import data/demo # must succeed
khuyencong --db demo.db export /tmp/x && diff -r -x README.md data/demo /tmp/x   # no difference
```

Tests (`tests/`) import this bundle and some edit particular rows of it (e.g. `bg-2016-h-001`).
Any change to the generator, even to the order of its random draws, rewrites many rows: rerun
the whole test suite after regenerating.

The files are canonical: exactly what `khuyencong export` writes (UTF-8 without BOM, LF, columns in
the order of `src/schema/catalog.cc`, rows sorted by key, fields quoted only when needed, money in
whole đồng, NFC text).

## Files

| file | rows |
|---|---|
{table}

## What is published, what is derived, what is synthesised

### Published figures (taken from the seed; the bundle reproduces them exactly)

| figure | where it comes out of the records |
|---|---|
| 297 đề án, 30.722,3 triệu đồng NSNN | `de_an` with `trang_thai` quyet_toan/hau_kiem and year 2016–2020 |
| khuyến công tỉnh 132 đề án, 16.150 triệu | same, `cap_kinh_phi` = tinh |
| khuyến công quốc gia 17 đề án, 6.000 triệu, all nội dung 3 | `cap_kinh_phi` = quoc_gia |
| cấp huyện 148 đề án, 8.572,3 triệu; of which nội dung 3: 83 đề án, 4.925 triệu | `cap_kinh_phi` = huyen |
| per content (tỉnh): 2.1 9/550 · 2.2 14/1.385 · 2.3 54/6.700 · 2.4 19/2.155 · 2.5 13/2.750 · 2.6 10/1.230 · 2.7 1/520 · 2.9 12/860 | `noi_dung` nd45-1 … nd45-9 |
| kinh phí đối ứng 229.219 triệu | sum of `kinh_phi_doi_ung` |
| outputs: 465 lao động; 1.377 lượt học viên; 690 lượt khảo sát; 3 mô hình; 153 cơ sở ứng dụng máy móc; 2 đánh giá SXSH; 9 hội chợ; 350 lượt tham gia; 3 phòng trưng bày; 67 cơ sở tư vấn; 1.800 bản tin; 3.000 catalog; 800 chương trình, tin bài; 4 khu, cụm công nghiệp; 3 văn bản | sums of `de_an_ket_qua` per `chi_tieu` |
| bình chọn: 2 cuộc cấp tỉnh, 2 khu vực, 2 quốc gia; tôn vinh 28 / 5 / 4 sản phẩm | `dot_binh_chon`, `ket_qua_binh_chon` (`dat` = 1) |
| 9 hội chợ, 350 lượt | `hoi_cho` |
| 2019 đoàn công tác Indonesia, Philippines, không có kinh phí | `hoat_dong` (nội dung 8) |
| Trung tâm: 19 cán bộ, 6 làm khuyến công (31,6%); không có cộng tác viên | `can_bo` active on 31/12/2020 |
| 39 làng nghề (14 truyền thống, 25 mới), 36 hoạt động hiệu quả, 4 làng nghề nêu tên | `lang_nghe` |
| cơ sở CNNT 17.174 (2015) → 19.247 (2020); GTSX CNNT 9.656 → 23.402 tỷ đồng (giá 2010) | `thong_ke` |
| the 4 surveyed khu, cụm công nghiệp and their communes (2.7) | `cum_cong_nghiep` |
| legal documents of section 1.1 (numbers, dates, issuers, subjects verbatim) | `van_ban` |
| section headings 2.1–2.9 | `noi_dung.ten_bao_cao` |
| the facts of Part II (phương hướng 2021–2025), in the project's words | `ke_hoach.phuong_huong` of `bg-2016-2020` |

### Derived from the percentages the seed states

The seed gives achievement rates, not targets; the phase targets (`muc_tieu` of `bg-2016-2020`)
are the values that reproduce the stated rates, and their `ghi_chu` says "suy ra từ tỷ lệ đạt nêu
trong báo cáo":

| chỉ tiêu | mục tiêu | check |
|---|---|---|
| kp_tinh | 20.400 triệu | 16.150 / 20.400 = 79,17% |
| kp_doi_ung | 141.350 triệu | 229.219 / 141.350 = 162,16% |
| hoc_vien_tap_huan | 900 | 1.377 / 900 = 153% |
| luot_khao_sat | 690 | 100% |
| co_so_ung_dung_may_moc | 107 | 153 / 107 = **143,0%** — the seed prints 142,9%, which no whole-number target gives (153/107 = 142,99…); we keep 107 and let the report show 143,0% with the consistency note |
| luot_tham_gia_hoi_cho | 320 | 350 / 320 = 109,4% |
| phong_trung_bay | 5 | 3 / 5 = 60% |
| co_so_tu_van | 50 | 67 / 50 = 134% |
| ban_tin, catalog, chuong_trinh_tin_bai | 1.800, 3.000, 800 | 100% |

Assumed targets (`ghi_chu` "giả định"): lao_dong_dao_tao 1.500 (the seed only says training
reached a low rate), cum_cn_khao_sat 6 (the seed says the cluster content missed its target),
sp_tinh 30.

The other inconsistency of the seed is left for the software to explain, not patched in data:
9.656 → 23.402 tỷ đồng over five years is 19,4%/year compound, not the printed 19,8%.

`thong_ke` gtsx_cong_nghiep 2020 = 209.000 tỷ đồng is **synthesised** so that 23.402 / 209.000 =
11,2% (the share the seed states); its `nguon` says so. No statistics for 2016–2019 (the seed
gives none).

### Synthesised (plausible, not real records)

Everything at record level below the published totals is invented, deterministically:

* **Projects (`de_an`)**: titles, beneficiaries, locations, years, dates, per-project amounts and
  the split of counterpart money. Amounts are mostly multiples of 5 or 10 triệu; national projects
  are 250–450 triệu each; provincial machinery ≤ 300 triệu; each machinery project's counterpart
  is at least its state support (support ≤ 50% of cost). Budgets rise year by year
  ({per_year}).
  The 65 district projects outside nội dung 3 and their split (nd45-1 20/1.100, nd45-2 15/720,
  nd45-4 12/860,3, nd45-5 10/567, nd45-6 8/400 triệu) are synthesised; the seed only gives the
  district total. Province-wide projects (training courses, capacity, information,
  fairs, selection rounds, clusters, system capacity) are located at `bg`; machinery, model,
  cleaner-production, consulting, showroom and trade-mark projects at the beneficiary's commune;
  district projects inside their district. {mountain} of the {located} located projects
  ({mshare}) are in the four mountainous districts (Lục Ngạn, Lục Nam, Yên Thế, Sơn Động), which
  is the weakness the seed names.
* **Which projects carry outputs**: the seed attributes the outputs of sections 2.1, 2.2, 2.4–2.7
  and 2.9 to provincial projects, so only provincial projects carry those outputs (district
  projects of those contents have none). The 153 establishments of 2.3 are spread over all
  nội dung 3 machinery projects (16 national, 50 provincial, 83 district; 4 of them support two
  establishments); the 3 demonstration models (tôn ba lớp cách nhiệt, chế phẩm sinh học biolin,
  thức ăn chăn nuôi — named in the seed) and 2 cleaner-production assessments are separate
  projects.
* **Projects that must not be counted**: one project rejected (`tu_choi`, 2018), one cancelled
  (`huy`, 2019), and three 2021 projects (`dang_thuc_hien`, `phe_duyet`). They are there so that a
  report which forgets to filter by status and period shows wrong totals.
* **Establishments (`co_so`)**, their names, addresses, tax codes (prefix 2400), founding years
  and workforce; **staff names** (`can_bo`) except Giám đốc Sở Trần Quang Tấn (the seed's
  signatory). The centre has 19 staff active on 31/12/2020 (6 chuyen_trach, 13 khac) plus two who
  left in 2017–2018, so a staff count must filter by date.
* **Fairs (`hoi_cho`)**: names, places and per-fair counts (the count of fairs and the 350 total
  are published).
* **Typical products**: product names (some from the seed: mỳ gạo Chũ, rượu làng Vân, mỳ gạo Châu
  Sơn, gốm…), round years (provincial 2017 and 2019, regional and national 2018 and 2020), scores
  and certificate numbers. Regional and national winners are among the provincial winners.
* **Craft villages**: the four named villages are placed as the seed says; the other 35 names,
  crafts, communes, household counts, recognition decisions and dates are synthesised (the
  decision numbers `Quyết định số …/QĐ-UBND` are invented).
* **Industrial clusters**: names and areas (the communes are the seed's).
* **Legal wording of the nine contents** (`noi_dung.ten`): paraphrased from memory of Article 4 of
  Nghị định 45/2012/NĐ-CP, not verbatim — check against the official text.

## Administrative units: decisions and uncertainties

* Districts valid in 2016–2020: TP Bắc Giang (`bg-tp-bac-giang`) and the huyện `bg-hiep-hoa`,
  `bg-lang-giang`, `bg-luc-nam`, `bg-luc-ngan`, `bg-son-dong`, `bg-tan-yen`, `bg-viet-yen`,
  `bg-yen-dung`, `bg-yen-the`. Communes (`<district code>-<ascii name>`) are a selection of 7–10
  per district with real names, not the complete list. `xã Dĩnh Trì` has code
  `bg-tp-bac-giang-dinh-tri-2` because its ASCII name collides with `xã Đình Trì`.
* The seed writes "xã Đình Trì, thành phố Bắc Giang" for the wood-working village; we keep the
  seed's name. Whether it means the commune spelled Dĩnh Trì could not be confirmed.
* Start dates before 2016 are placeholders: 1997-01-01 (re-establishment of Bắc Giang province)
  for the provinces, huyện and their communes; 2005-06-07 for TP Bắc Giang (city status, from
  memory). Commune mergers of 2019–2020 and the conversions of xã/thị trấn into phường in
  2024–2025 are not modelled (types are kept).
* Việt Yên: huyện `bg-viet-yen` ends 2024-04-09; thị xã `bg-tx-viet-yen` from 2024-04-10; its
  communes end with the huyện and continue as new records under the thị xã
  (`bg-tx-viet-yen-…`), linked in `don_vi_ke_thua`.
* Yên Dũng ends 2024-12-31 and is succeeded by TP Bắc Giang (link dated 2025-01-01); its communes
  continue as records under TP Bắc Giang (`bg-tp-bac-giang-neo`, …) for 2025-01-01..2025-06-30.
* Thị xã Chũ (`bg-tx-chu`) from 2025-01-01, split from Lục Ngạn (link with ghi_chu "Chia tách…";
  Lục Ngạn continues). Only thị trấn Chũ → phường Chũ is moved; which other communes went to the
  thị xã is not modelled.
* From 2025-07-01 the new province Bắc Ninh (`bn`) succeeds Bắc Giang (`bg`) and the old Bắc Ninh
  (`bn-cu`, 1997-01-01..2025-06-30); every district-level unit valid on 2025-06-30 ends then and
  links to `bn`. **The post-2025 communes (`bn-…`, 8 of them) and their groupings are
  illustrative**, not the real list of the 99 commune-level units; they exist so that the four
  craft-village communes (Nam Dương, Ngọc Châu, Đình Trì, Vân Hà) have successors.
* Priority areas (`dia_ban_uu_tien`): Sơn Động vùng cao; Lục Ngạn, Lục Nam, Yên Thế miền núi;
  2016-01-01..2025-06-30; the legal basis (`can_cu`) is left empty.
* Organisations end 2025-06-30 (district economic offices with their district: Việt Yên
  2024-04-09, Yên Dũng 2024-12-31). The centre keeps its present name "Trung tâm Khuyến công và
  Xúc tiến thương mại" for the whole period (it was "Trung tâm Khuyến công và Tư vấn phát triển
  công nghiệp" until the 2018 merger, QĐ 560/QĐ-UBND).

## Legal documents: dates and wording

* From the seed (section 1.1) or DOMAIN.md: NĐ 45/2012/NĐ-CP 21/5/2012; QĐ 1288/QĐ-TTg 01/8/2014;
  TT 28/2018/TT-BTC 28/3/2018; QĐ 734/2014/QĐ-UBND 28/10/2014; QĐ 1330/QĐ-UBND 15/7/2015;
  QĐ 560/QĐ-UBND 24/9/2018; QĐ 1526/QĐ-UBND 28/9/2018; QĐ 30/2019/QĐ-UBND 30/12/2019;
  NĐ 235/2025/NĐ-CP 27/8/2025; QĐ 2646/QĐ-BCT 23/9/2025. The subjects of the provincial decisions
  are the seed's words, including its slip "Quyết định Quyết định số 734/2014/QĐ-UBND" in
  QĐ 30/2019.
* **Not confirmed** (from memory, could not be checked): TT 64/2024/TT-BTC dated 30/8/2024;
  TT 26/2014/TT-BCT dated 28/8/2014; NĐ 52/2018/NĐ-CP dated 12/4/2018. The subjects of TT 64/2024,
  NĐ 235/2025 and QĐ 2646/QĐ-BCT are paraphrased.
* The seed spells "Philipine" (2.8) and "Tụ Lạn" (2.7); the bundle writes Philippines and Tự Lạn.
  The seed's showroom product "gôm làng Ngòi" is read as gốm làng Ngòi; its commune (placed in
  xã Quảng Minh, Việt Yên) is not confirmed.
* `phuong_huong` carries the facts of the seed's Part II (directions, tasks and solutions,
  proposals) in the project's own words, one line per paragraph; lines starting with "## " are
  sub-headings, "- " bullets. It is built from the same paragraphs as the Part II sections of the
  demo's phase report (below), and is what a report prints when it has no Part II narrative.

## The demo's reports (`loai_bao_cao`, `bao_cao`, `bao_cao_muc`)

Reports as records (issue 12; docs/report-drafts.md). Their rows and narrative are written in
`tools/demo/demo_reports.py`:

* **Kinds** (`loai_bao_cao`): `giai_doan` (the five-year phase report, structure
  `giai_doan`), `nam` (annual, `nam`), `sau_thang` (six-month, `sau_thang`).
* **`bg-bc-2016-2020`**, the phase report on plan `bg-2016-2020`, **issued** (`da_ban_hanh`):
  number 235/BC-SCT, 27/11/2020 (the seed is dated "tháng 11 năm 2020" without a day or number;
  both are plausible, not real), signed by the Giám đốc Sở Trần Quang Tấn (the seed's signatory,
  `can_bo` `sct-01`), recipients in the seed's "Nơi nhận" style with a "Bản điện tử" line.
  Every section of the phase structure has a narrative (`I.1.1`, `I.1.2`, `I.2.1`…`I.2.9`,
  `I.3.1`…`I.3.4`, `II.1`…`II.3`): the seed's assessments, limitations, causes, the descriptive
  details of 2.1–2.9 that the computed text lacks (trades trained, the models, the showroom
  products, the website, the clusters' communes), the policy work and coordination of 1.1–1.2,
  and Part II. `I.3.4` (lessons learned) is not in the seed: it is written for the demo.
* **`bg-bc-2020-nam`**, the annual report on plan `bg-2020`, a **draft** (`du_thao`): the sections
  `I.1`, `I.3.2`, `I.3.3`, `II` and `III` are written (a plausible 2020 for Bắc Giang: Covid-19
  delays, postponed fairs and courses, late counterpart money); `I.2` and `I.3.1` are left empty.

**The narrative is written for the demo.** The facts are the seed's; the sentences are not: no
run of eight consecutive words (compared without case, diacritics or punctuation) is the seed's,
which `check_demo.py` and `tests/demo_narrative_test.cc` check for every section and for
`phuong_huong`. A figure that the records compute is never typed: the phase report's narrative
refers to it by id (`{{de_an.tong.doi_ung}}`, docs/report.md "Narrative markup"), so it prints the
computed value; the annual draft has no references yet.
"""


def write_readme(out_dir: Path, tables: dict) -> None:
    table = "\n".join(f"| `{k}.csv` | {len(tables.get(k, []))} |" for k, _, _ in SCHEMA)
    counted = [p for p in tables["de_an"] if p["trang_thai"] in ("quyet_toan", "hau_kiem")]
    per_year = "; ".join(f"{y}: {vn_trieu(sum(p['kinh_phi_nsnn'] for p in counted if p['nam_bat_dau'] == y))}"
                         for y in YEARS) + " triệu đồng"
    units = {u["ma"]: u for u in tables["don_vi_hanh_chinh"]}

    def district(code):
        u = units[code]
        while u["cap"] == "xa":
            u = units[u["ma_cap_tren"]]
        return u["ma"]
    located = [p for p in counted if p["dia_ban"] != "bg"]
    mountain = sum(1 for p in located if district(p["dia_ban"]) in {f"bg-{s}" for s in PRIORITY})
    text = README_TEMPLATE.format(seed=SEED, table=table, per_year=per_year, located=len(located),
                                  mountain=mountain,
                                  mshare=f"{100 * mountain / len(located):.1f}%".replace(".", ","))
    (out_dir / "README.md").write_bytes(text.encode("utf-8"))


# ---------------------------------------------------------------------------------------------
def generate() -> dict:
    P._n = 0
    w = World()
    build_units(w)
    build_reference(w)
    build_organisations(w)
    build_plans(w)
    est = Establishments(w)
    counted, extra = build_projects(w, est)
    finish_projects(w, counted, extra)
    build_fairs_clusters(w, counted)
    build_villages(w)
    build_products(w, est)
    for e in est.rows:
        e.pop("_product", None)
    w.t["co_so"] = est.rows
    build_statistics(w)
    w.t.update(demo_reports.report_rows())  # last: draws nothing from the random generator
    return w.t


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    tables = generate()
    write_bundle(args.out, tables)
    write_readme(args.out, tables)
    total = sum(len(v) for v in tables.values())
    print(f"wrote {len(SCHEMA)} CSV files, {total} rows, into {args.out}")
    if not args.no_check:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import check_demo
        check_demo.check(args.out)
        print("self-check passed")


if __name__ == "__main__":
    main()
