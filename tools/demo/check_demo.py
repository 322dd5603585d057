#!/usr/bin/env python3
"""Self-check of the demo bundle (data/demo/): sums the CSV files and asserts every figure of the
Bắc Giang 2016-2020 report that the bundle must reproduce, plus the canonical file format.

Usage:  python3 tools/demo/check_demo.py [DIR]      (default: data/demo)

Standard library only; independent of make_demo.py except that both read the column lists of
src/schema/catalog.cc (this script parses catalog.cc itself, so a drift between the C++ catalog
and the generator is caught here).
"""
from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "src" / "schema" / "catalog.cc"
SEED = Path("/work/shared/seed/bao-cao-khuyen-cong-bac-giang-2016-2020.txt")
TRIEU = 1_000_000
COUNTED = {"quyet_toan", "hau_kiem"}
MOUNTAIN = {"bg-luc-ngan", "bg-luc-nam", "bg-yen-the", "bg-son-dong"}
REPORT_KINDS = ("loai_bao_cao", "bao_cao", "bao_cao_muc")
COPIED_RUN = 8  # a run of this many consecutive words shared with the seed counts as copied
PHASE_SECTIONS = {"I.1.1", "I.1.2", *(f"I.2.{i}" for i in range(1, 10)), "I.3.1", "I.3.2", "I.3.3", "I.3.4",
                  "II.1", "II.2", "II.3"}
ANNUAL_SECTIONS = {"I.1", "I.2", "I.3.1", "I.3.2", "I.3.3", "II", "III"}


def parse_catalog():
    """[(kind, [field names], [key indexes], {field: type-fn name})] from catalog.cc."""
    text = CATALOG.read_text(encoding="utf-8")
    body = text[text.index("std::vector<RecordKind> build_catalog()"):]
    kinds = []
    for chunk in body.split("c.push_back({")[1:]:
        name = re.match(r'\s*"(\w+)"', chunk).group(1)
        fields = re.findall(r'\b(f|ref|en|integer|decimal)\("(\w+)",\s*(T::\w+)?', chunk)
        names = [f[1] for f in fields]
        types = {}
        for fn, fname, t in fields:
            if fn == "f":
                types[fname] = t.split("::")[1]
            else:
                types[fname] = {"ref": "Ref", "en": "Enum", "integer": "Int", "decimal": "Decimal"}[fn]
        key = [int(x) for x in re.findall(r"\{([0-9, ]+)\}", chunk)[-1].split(",")]
        kinds.append((name, names, key, types))
    return kinds


def csv_field(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n\r') else s


def load(dirpath: Path):
    kinds = parse_catalog()
    import make_demo  # the generator's copy of the schema must list the same kinds in the same order
    catalog_kinds = {k[0] for k in kinds}
    for name, fields, key in make_demo.SCHEMA:
        # The report kinds (issue 12) are written before catalog.cc has them (the schema lands in a
        # parallel change); until then their files are checked against the generator's layout.
        if name in REPORT_KINDS and name not in catalog_kinds:
            types = {f: {"code": "Code", "year": "Year", "date": "Date", "bool": "Bool"}.get(t, "Text")
                     for f, t in fields}
            kinds.append((name, [f for f, _ in fields], key, types))
    assert [k[0] for k in kinds] == [k[0] for k in make_demo.SCHEMA], "catalog.cc and make_demo.SCHEMA differ"

    tables = {}
    files = sorted(p.name for p in dirpath.glob("*.csv"))
    assert files == sorted(f"{k}.csv" for k, *_ in kinds), files
    for name, fields, key, types in kinds:
        raw = (dirpath / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{name}: BOM"
        assert b"\r" not in raw, f"{name}: CR"
        text = raw.decode("utf-8")
        assert unicodedata.is_normalized("NFC", text), f"{name}: not NFC"
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == fields, f"{name}: header {rows[0]} != {fields}"
        # canonical quoting: re-serialising gives the same bytes
        again = "".join(",".join(csv_field(c) for c in r) + "\n" for r in rows)
        assert again == text, f"{name}: not canonically quoted"
        dicts = [dict(zip(fields, r)) for r in rows[1:]]
        for d in dicts:
            for f, v in d.items():
                assert v == v.strip(), f"{name}.{f}: surrounding whitespace {v!r}"

        def k(d):
            return tuple(int(d[fields[i]]) if types[fields[i]] in ("Int", "Year") else d[fields[i]].encode()
                         for i in key)
        keys = [k(d) for d in dicts]
        assert keys == sorted(keys), f"{name}: rows not sorted by key"
        assert len(set(keys)) == len(keys), f"{name}: duplicate keys"
        for d in dicts:
            for f, t in types.items():
                v = d[f]
                if not v:
                    continue
                if t == "Money" or t == "Int" or t == "Year":
                    assert re.fullmatch(r"0|[1-9][0-9]*", v), f"{name}.{f}: {v!r}"
                elif t == "Bool":
                    assert v in ("0", "1"), f"{name}.{f}: {v!r}"
                elif t == "Date":
                    assert re.fullmatch(r"\d{4}-\d\d-\d\d", v), f"{name}.{f}: {v!r}"
                elif t == "Decimal":
                    assert re.fullmatch(r"\d+\.\d\d", v), f"{name}.{f}: {v!r}"
                elif t == "Code":
                    # Section ids of reports are written as the document numbers them ("I.2.3").
                    pattern = r"[A-Z0-9][A-Z0-9.]*" if (name, f) == ("bao_cao_muc", "muc") else r"[a-z0-9][a-z0-9._-]*"
                    assert re.fullmatch(pattern, v), f"{name}.{f}: {v!r}"
        tables[name] = dicts
    return tables


def words(text):
    """Lower-case words without diacritics or surrounding punctuation (đ -> d), for comparing texts."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return [w for w in (re.sub(r"^\W+|\W+$", "", w) for w in text.split()) if w]


def copied_run(text, seed_runs):
    """The first run of COPIED_RUN consecutive words of `text` that the seed also has, or None."""
    w = words(text)
    for i in range(len(w) - COPIED_RUN + 1):
        if tuple(w[i:i + COPIED_RUN]) in seed_runs:
            return " ".join(w[i:i + COPIED_RUN])
    return None


def check_reports(t, phuong_huong):
    """The demo's reports: kinds, sections, and narrative written in the project's own words."""
    reports = {r["ma"]: r for r in t["bao_cao"]}
    assert {k["cau_truc"] for k in t["loai_bao_cao"]} == {"giai_doan", "nam", "sau_thang"}
    assert reports["bg-bc-2016-2020"]["trang_thai"] == "da_ban_hanh"
    assert reports["bg-bc-2016-2020"]["ke_hoach"] == "bg-2016-2020"
    assert "Bản điện tử" in reports["bg-bc-2016-2020"]["noi_nhan"]
    assert reports["bg-bc-2020-nam"]["trang_thai"] == "du_thao" and reports["bg-bc-2020-nam"]["ke_hoach"] == "bg-2020"
    sections = defaultdict(set)
    for m in t["bao_cao_muc"]:
        sections[m["bao_cao"]].add(m["muc"])
    assert sections["bg-bc-2016-2020"] == PHASE_SECTIONS, sections["bg-bc-2016-2020"] ^ PHASE_SECTIONS
    assert sections["bg-bc-2020-nam"] <= ANNUAL_SECTIONS, sections["bg-bc-2020-nam"]
    if not SEED.exists():
        return
    seed = words(SEED.read_text(encoding="utf-8"))
    seed_runs = {tuple(seed[i:i + COPIED_RUN]) for i in range(len(seed) - COPIED_RUN + 1)}
    texts = [("ke_hoach bg-2016-2020 phuong_huong", phuong_huong)]
    texts += [(f"bao_cao_muc {m['bao_cao']} {m['muc']}", m["noi_dung"]) for m in t["bao_cao_muc"]]
    copied = [(where, run) for where, text in texts if (run := copied_run(text, seed_runs))]
    assert not copied, f"copied from the seed: {copied}"


def pct(a, b, places):
    q = Decimal(1).scaleb(-places)
    return (Decimal(a) * 100 / Decimal(b)).quantize(q, rounding=ROUND_HALF_UP)


def check(dirpath=ROOT / "data" / "demo"):
    dirpath = Path(dirpath)
    t = load(dirpath)
    units = {u["ma"]: u for u in t["don_vi_hanh_chinh"]}
    contents = {c["ma"]: c for c in t["noi_dung"]}
    indicators = {c["ma"]: c for c in t["chi_tieu"]}

    # --- administrative units ------------------------------------------------------------------
    assert units["bg"]["hieu_luc_den"] == "2025-06-30" and units["bg"]["hieu_luc_tu"] == "1997-01-01"
    assert units["bn"]["hieu_luc_tu"] == "2025-07-01" and units["bn-cu"]["hieu_luc_den"] == "2025-06-30"
    districts_2020 = [u for u in units.values() if u["cap"] == "huyen" and u["hieu_luc_tu"] <= "2016-01-01"]
    assert len(districts_2020) == 10, len(districts_2020)
    for d in districts_2020:
        communes = [u for u in units.values() if u["ma_cap_tren"] == d["ma"] and u["hieu_luc_tu"] <= "2016-01-01"]
        assert 6 <= len(communes) <= 10, (d["ma"], len(communes))
    for u in units.values():
        if u["ma_cap_tren"]:
            p = units[u["ma_cap_tren"]]
            assert {"tinh": 0, "huyen": 1, "xa": 2}[p["cap"]] < {"tinh": 0, "huyen": 1, "xa": 2}[u["cap"]]
            assert u["hieu_luc_tu"] >= p["hieu_luc_tu"], u["ma"]
            assert (p["hieu_luc_den"] or "9999") >= (u["hieu_luc_den"] or "9999"), u["ma"]
    links = {(k["don_vi"], k["don_vi_ke_thua"]): k for k in t["don_vi_ke_thua"]}
    assert ("bg-viet-yen", "bg-tx-viet-yen") in links and units["bg-viet-yen"]["hieu_luc_den"] == "2024-04-09"
    assert units["bg-tx-viet-yen"]["hieu_luc_tu"] == "2024-04-10"
    assert links[("bg-yen-dung", "bg-tp-bac-giang")]["ngay_hieu_luc"] == "2025-01-01"
    assert units["bg-yen-dung"]["hieu_luc_den"] == "2024-12-31"
    assert "Chia tách" in links[("bg-luc-ngan", "bg-tx-chu")]["ghi_chu"]
    assert ("bg", "bn") in links and ("bn-cu", "bn") in links
    for u in units.values():
        if u["cap"] == "huyen" and u["hieu_luc_den"] == "2025-06-30":
            assert (u["ma"], "bn") in links, u["ma"]
    new_communes = [u for u in units.values() if u["ma_cap_tren"] == "bn"]
    assert 6 <= len(new_communes) <= 10
    assert {u["ma"] for u in units.values() if u["cap"] == "huyen" and u["ma"].startswith("bg-")} >= {
        "bg-tp-bac-giang", "bg-hiep-hoa", "bg-lang-giang", "bg-luc-nam", "bg-luc-ngan", "bg-son-dong",
        "bg-tan-yen", "bg-viet-yen", "bg-yen-dung", "bg-yen-the"}
    pri = {(p["don_vi"], p["loai"]) for p in t["dia_ban_uu_tien"]}
    assert pri == {("bg-son-dong", "vung_cao"), ("bg-luc-ngan", "mien_nui"), ("bg-luc-nam", "mien_nui"),
                   ("bg-yen-the", "mien_nui")}

    def district_of(code):
        u = units[code]
        while u["cap"] == "xa":
            u = units[u["ma_cap_tren"]]
        return u["ma"]

    # --- contents, indicators, documents -------------------------------------------------------
    assert sorted(contents) == [f"nd45-{i}" for i in range(1, 10)]
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        for i in range(1, 10):
            heading = re.search(rf"^2\.{i}\. (.+)$", seed, re.M).group(1)
            assert contents[f"nd45-{i}"]["ten_bao_cao"] == heading, i
    docs = {d["ma"]: d for d in t["van_ban"]}
    for ma in ["nd-45-2012", "qd-1288-2014-ttg", "tt-28-2018-btc", "qd-734-2014-ubnd-bg", "qd-1330-2015-ubnd-bg",
               "qd-560-2018-ubnd-bg", "qd-1526-2018-ubnd-bg", "qd-30-2019-ubnd-bg", "tt-64-2024-btc",
               "nd-235-2025", "qd-2646-2025-bct", "nd-52-2018", "tt-26-2014-bct"]:
        assert ma in docs, ma
    assert docs["qd-30-2019-ubnd-bg"]["sua_doi"] == "qd-734-2014-ubnd-bg"
    assert docs["nd-235-2025"]["sua_doi"] == "nd-45-2012" and docs["tt-64-2024-btc"]["sua_doi"] == "tt-28-2018-btc"

    # --- projects --------------------------------------------------------------------------------
    projects = {p["ma"]: p for p in t["de_an"]}
    counted = [p for p in t["de_an"] if p["trang_thai"] in COUNTED and "2016" <= p["nam_bat_dau"] <= "2020"]
    not_counted = [p for p in t["de_an"] if p not in counted]
    money = lambda ps, f="kinh_phi_nsnn": sum(int(p[f]) for p in ps)
    assert len(counted) == 297 and money(counted) == 30_722_300_000
    by_level = defaultdict(list)
    for p in counted:
        by_level[p["cap_kinh_phi"]].append(p)
    assert (len(by_level["quoc_gia"]), money(by_level["quoc_gia"])) == (17, 6_000 * TRIEU)
    assert all(p["noi_dung"] == "nd45-3" for p in by_level["quoc_gia"])
    assert all(int(p["kinh_phi_nsnn"]) <= 450 * TRIEU for p in by_level["quoc_gia"])
    assert (len(by_level["tinh"]), money(by_level["tinh"])) == (132, 16_150 * TRIEU)
    assert (len(by_level["huyen"]), money(by_level["huyen"])) == (148, 8_572_300_000)
    prov = defaultdict(list)
    for p in by_level["tinh"]:
        prov[p["noi_dung"]].append(p)
    expect = {"nd45-1": (9, 550), "nd45-2": (14, 1_385), "nd45-3": (54, 6_700), "nd45-4": (19, 2_155),
              "nd45-5": (13, 2_750), "nd45-6": (10, 1_230), "nd45-7": (1, 520), "nd45-9": (12, 860)}
    assert set(prov) == set(expect), set(prov)
    for c, (n, m) in expect.items():
        assert (len(prov[c]), money(prov[c])) == (n, m * TRIEU), (c, len(prov[c]), money(prov[c]))
    d3 = [p for p in by_level["huyen"] if p["noi_dung"] == "nd45-3"]
    assert (len(d3), money(d3)) == (83, 4_925 * TRIEU)
    assert {p["noi_dung"] for p in by_level["huyen"]} <= {"nd45-1", "nd45-2", "nd45-3", "nd45-4", "nd45-5",
                                                         "nd45-6"}
    c3 = [p for p in counted if p["noi_dung"] == "nd45-3" and p["cap_kinh_phi"] != "huyen"]
    assert (len(c3), money(c3)) == (71, 12_700 * TRIEU)
    assert money(counted, "kinh_phi_doi_ung") == 229_219 * TRIEU
    # non-counted records: one rejected and one cancelled in the phase, three in 2021
    statuses = Counter((p["nam_bat_dau"] <= "2020", p["trang_thai"]) for p in not_counted)
    assert statuses[(True, "tu_choi")] == 1 and statuses[(True, "huy")] == 1, statuses
    assert sum(v for (inside, _), v in statuses.items() if not inside) == 3
    assert all(p["nam_bat_dau"] == "2021" for p in not_counted if p["trang_thai"] not in ("tu_choi", "huy"))
    for p in t["de_an"]:
        assert p["nam_bat_dau"] == p["nam_ket_thuc"]
        m = re.fullmatch(r"bg-(\d{4})-([qth])-\d{3}", p["ma"])
        assert m and m.group(1) == p["nam_bat_dau"]
        assert m.group(2) == {"quoc_gia": "q", "tinh": "t", "huyen": "h"}[p["cap_kinh_phi"]]
        for f in ("ngay_phe_duyet", "ngay_nghiem_thu"):
            assert not p[f] or p[f][:4] == p["nam_bat_dau"], (p["ma"], f)
        if p["cap_kinh_phi"] == "huyen":
            assert p["don_vi_thuc_hien"].startswith("pkt-")
            assert district_of(p["dia_ban"]) == "bg-" + p["don_vi_thuc_hien"][4:], p["ma"]
        else:
            assert p["don_vi_thuc_hien"] == "ttkc-bg"
    # budgets rise year by year
    per_year = [money([p for p in counted if p["nam_bat_dau"] == str(y)]) for y in range(2016, 2021)]
    assert per_year == sorted(per_year) and len(set(per_year)) == 5, per_year
    # mountainous districts get 20-25 % of the located projects
    located = [p for p in counted if p["dia_ban"] != "bg"]
    share = sum(1 for p in located if district_of(p["dia_ban"]) in MOUNTAIN) / len(located)
    assert 0.20 <= share <= 0.25, share

    # --- outputs ---------------------------------------------------------------------------------
    counted_ids = {p["ma"] for p in counted}
    out = Counter()
    for r in t["de_an_ket_qua"]:
        ind = indicators[r["chi_tieu"]]
        assert ind["nguon"] == "dau_ra", r
        assert r["de_an"] in counted_ids, r
        assert projects[r["de_an"]]["noi_dung"] == ind["noi_dung"], r
        out[r["chi_tieu"]] += int(r["gia_tri"])
    assert out == Counter(lao_dong_dao_tao=465, hoc_vien_tap_huan=1377, luot_khao_sat=690, mo_hinh_trinh_dien=3,
                          co_so_ung_dung_may_moc=153, danh_gia_sxsh=2, hoi_cho=9, luot_tham_gia_hoi_cho=350,
                          phong_trung_bay=3, co_so_tu_van=67, ban_tin=1800, catalog=3000,
                          chuong_trinh_tin_bai=800, cum_cn_khao_sat=4, van_ban_quy_dinh=3), out
    benef = defaultdict(set)
    for r in t["de_an_co_so"]:
        benef[r["de_an"]].add(r["co_so"])
    for r in t["de_an_ket_qua"]:
        if r["chi_tieu"] in ("co_so_ung_dung_may_moc", "co_so_tu_van", "phong_trung_bay", "mo_hinh_trinh_dien",
                             "danh_gia_sxsh"):
            assert len(benef[r["de_an"]]) >= 1, r
        if r["chi_tieu"] in ("co_so_ung_dung_may_moc", "co_so_tu_van"):
            assert len(benef[r["de_an"]]) == int(r["gia_tri"]), r
    establishments = {e["ma"]: e for e in t["co_so"]}
    assert 250 <= len(establishments) <= 350, len(establishments)

    # --- targets and the seed's percentages ------------------------------------------------------
    targets = {m["chi_tieu"]: int(m["gia_tri"]) for m in t["muc_tieu"] if m["ke_hoach"] == "bg-2016-2020"}
    achieved = {"kp_tinh": money(by_level["tinh"]), "kp_doi_ung": money(counted, "kinh_phi_doi_ung"), **out}
    for ct, places, want in [("kp_tinh", 2, "79.17"), ("kp_doi_ung", 2, "162.16"), ("hoc_vien_tap_huan", 0, "153"),
                             ("luot_khao_sat", 0, "100"), ("co_so_ung_dung_may_moc", 1, "143.0"),
                             ("luot_tham_gia_hoi_cho", 1, "109.4"), ("phong_trung_bay", 0, "60"),
                             ("co_so_tu_van", 0, "134"), ("ban_tin", 0, "100"), ("catalog", 0, "100"),
                             ("chuong_trinh_tin_bai", 0, "100")]:
        assert str(pct(achieved[ct], targets[ct], places)) == want, (ct, pct(achieved[ct], targets[ct], places))
    for ct in ("lao_dong_dao_tao", "cum_cn_khao_sat", "sp_tinh"):
        assert ct in targets
    plans = {k["ma"]: k for k in t["ke_hoach"]}
    assert plans["bg-2016-2020"]["van_ban_phe_duyet"] == "qd-1330-2015-ubnd-bg"
    for y in range(2016, 2021):
        assert plans[f"bg-{y}"]["ke_hoach_cha"] == "bg-2016-2020" and plans[f"bg-{y}"]["loai"] == "hang_nam"
    ph = plans["bg-2016-2020"]["phuong_huong"]
    assert ph.endswith("./.") and [l[:5] for l in ph.split("\n") if l.startswith("## ")] == ["## 1.", "## 2.", "## 3."]
    check_reports(t, ph)

    # --- organisation and staff ------------------------------------------------------------------
    staff = t["can_bo"]
    active = [s for s in staff if s["to_chuc"] == "ttkc-bg" and (not s["tu_ngay"] or s["tu_ngay"] <= "2020-12-31")
              and (not s["den_ngay"] or s["den_ngay"] >= "2020-12-31")]
    assert len(active) == 19 and sum(s["vai_tro"] == "chuyen_trach" for s in active) == 6
    assert sum(s["vai_tro"] == "khac" for s in active) == 13
    former = [s for s in staff if s["to_chuc"] == "ttkc-bg" and s["den_ngay"] and s["den_ngay"] < "2020-12-31"]
    assert len(former) == 2 and all("2017" <= s["den_ngay"][:4] <= "2018" for s in former)
    assert not any(s["vai_tro"] == "cong_tac_vien" for s in staff)
    assert any(s["ho_ten"] == "Trần Quang Tấn" and s["to_chuc"] == "sct-bg" and s["chuc_vu"] == "Giám đốc"
               for s in staff)
    orgs = {o["ma"]: o for o in t["to_chuc"]}
    offices = [o for o in orgs.values() if o["loai"] == "phong_kinh_te"]
    assert len(offices) == 10
    for o in offices:
        assert sum(1 for s in staff if s["to_chuc"] == o["ma"] and s["vai_tro"] == "kiem_nhiem") == 1
    assert orgs["ttkc-bg"]["to_chuc_cap_tren"] == "sct-bg" and orgs["sct-bg"]["to_chuc_cap_tren"] == "ubnd-bg"

    # --- fairs, clusters, activity ---------------------------------------------------------------
    fairs = [f for f in t["hoi_cho"] if "2016" <= f["nam"] <= "2020"]
    assert len(fairs) == 9 and sum(int(f["so_luot_tham_gia"]) for f in fairs) == 350
    for f in fairs:
        p = projects[f["de_an"]]
        assert p["noi_dung"] == "nd45-4" and p["ma"] in counted_ids and p["nam_bat_dau"] == f["nam"]
    clusters = t["cum_cong_nghiep"]
    assert len(clusters) == 4 and all(projects[c["de_an"]]["noi_dung"] == "nd45-7" for c in clusters)
    acts = t["hoat_dong"]
    assert len(acts) == 1 and acts[0]["noi_dung"] == "nd45-8" and acts[0]["nam"] == "2019"

    # --- typical products ------------------------------------------------------------------------
    rounds = {r["ma"]: r for r in t["dot_binh_chon"]}
    assert Counter(r["cap"] for r in rounds.values() if "2016" <= r["nam"] <= "2020") == \
        Counter(tinh=2, khu_vuc=2, quoc_gia=2)
    passed = defaultdict(set)
    for r in t["ket_qua_binh_chon"]:
        diem = Decimal(r["diem"])
        if r["dat"] == "1":
            assert diem >= 70 and r["so_chung_nhan"], r
            passed[rounds[r["dot_binh_chon"]]["cap"]].add(r["san_pham"])
        else:
            assert diem < 70 and not r["so_chung_nhan"], r
    n_pass = Counter(rounds[r["dot_binh_chon"]]["cap"] for r in t["ket_qua_binh_chon"] if r["dat"] == "1")
    assert n_pass == Counter(tinh=28, khu_vuc=5, quoc_gia=4), n_pass
    assert len(passed["tinh"]) == 28
    assert passed["khu_vuc"] <= passed["tinh"] and passed["quoc_gia"] <= passed["tinh"]
    assert any(r["dat"] == "0" for r in t["ket_qua_binh_chon"])
    products = {p["ma"]: p for p in t["san_pham"]}
    assert all(p["co_so"] in establishments for p in products.values())

    # --- craft villages --------------------------------------------------------------------------
    villages = [v for v in t["lang_nghe"] if v["ngay_cong_nhan"] <= "2020-12-31"
                and (not v["ngay_thu_hoi"] or v["ngay_thu_hoi"] > "2020-12-31")]
    assert len(villages) == 39
    assert sum(v["truyen_thong"] == "1" for v in villages) == 14
    assert sum(v["truyen_thong"] == "0" for v in villages) == 25
    assert sum(v["hoat_dong_hieu_qua"] == "1" for v in villages) == 36
    named = {v["ten"]: v["dia_ban"] for v in villages if v["noi_bat"] == "1"}
    assert named == {"Làng nghề mỳ Chũ": "bg-luc-ngan-nam-duong",
                     "Làng nghề sản xuất mỳ gạo Châu Sơn": "bg-tan-yen-ngoc-chau",
                     "Làng nghề sản xuất mộc Đình Trì": "bg-tp-bac-giang-dinh-tri",
                     "Làng nghề rượu làng Vân": "bg-viet-yen-van-ha"}, named
    succ = defaultdict(set)
    for a, b in links:
        succ[a].add(b)

    def reaches_bn_commune(code, depth=0):
        return any(units[s]["ma_cap_tren"] == "bn" or reaches_bn_commune(s, depth + 1) for s in succ[code]) \
            if depth < 5 else False
    for code in named.values():
        assert reaches_bn_commune(code), code

    # --- statistics ------------------------------------------------------------------------------
    stats = {(s["dia_ban"], int(s["nam"]), s["chi_so"]): int(s["gia_tri"]) for s in t["thong_ke"]}
    assert stats == {("bg", 2015, "so_co_so_cnnt"): 17_174, ("bg", 2020, "so_co_so_cnnt"): 19_247,
                     ("bg", 2015, "gtsx_cnnt"): 9_656 * 10**9, ("bg", 2020, "gtsx_cnnt"): 23_402 * 10**9,
                     ("bg", 2020, "gtsx_cong_nghiep"): 209_000 * 10**9}
    assert str(pct(23_402, 209_000, 1)) == "11.2"
    return True


if __name__ == "__main__":
    d = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "demo"
    check(d)
    print(f"check_demo: all figures hold in {d}")
