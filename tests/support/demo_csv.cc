#include "support/demo_csv.h"

#include "support/test_support.h"
#include "text/csv.h"

namespace kc::test {

std::vector<std::map<std::string, std::string>> demo_csv_rows(const std::string& name) {
  std::string text = read_file(std::string(KC_SOURCE_DIR) + "/data/demo/" + name);
  CsvReader reader(text);
  CsvRecord record, header;
  std::string error;
  size_t field = 0;
  reader.next(header, error, field);
  std::vector<std::map<std::string, std::string>> rows;
  while (reader.next(record, error, field)) {
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.fields.size() && i < record.fields.size(); ++i) row[header.fields[i]] = record.fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<CsvProject> demo_csv_projects() {
  std::vector<CsvProject> out;
  for (auto& r : demo_csv_rows("de_an.csv")) {
    CsvProject p{r["ma"], r["trang_thai"], std::stoi(r["nam_bat_dau"]), {}, {}, std::stoll(r["kinh_phi_nsnn"])};
    if (!r["ngay_phe_duyet"].empty()) p.approved = *parse_date(r["ngay_phe_duyet"]);
    if (!r["ngay_nghiem_thu"].empty()) p.accepted = *parse_date(r["ngay_nghiem_thu"]);
    out.push_back(p);
  }
  return out;
}

bool implemented(const std::string& s) { return s == "dang_thuc_hien" || s == "nghiem_thu" || s == "quyet_toan" || s == "hau_kiem"; }

bool within(const Date& d, const Date& from, const Date& to) { return d.year != 0 && from <= d && d <= to; }

}  // namespace kc::test
