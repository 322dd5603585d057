#include "crash/writer.h"

namespace kc::crash {

namespace {

std::string record_id(const std::string& kind, const std::string& key) { return kind + "|" + key; }

}  // namespace

const char* op_name(Op op) {
  switch (op) {
    case Op::create_establishment: return "create establishment (POST /api/co-so)";
    case Op::edit_establishment: return "edit establishment (PUT /api/co-so/<ma>)";
    case Op::propose_project: return "propose project (POST /api/de-an)";
    case Op::first_step: return "lifecycle step (POST /api/de-an/<ma>/buoc)";
    case Op::step_with_document: return "step with a PDF (multipart POST /de-an/<ma>/buoc)";
    case Op::count: break;
  }
  return "?";
}

int64_t WriteCounts::total_acked() const {
  int64_t n = 0;
  for (int64_t a : acked) n += a;
  return n;
}

Writer::Writer(int id, int port, uint64_t seed, WriterSetup setup)
    : id_(id), setup_(std::move(setup)), session_(port), rng_(seed) {}

// The centre (by default): may write establishments and take both steps.
bool Writer::sign_in() { return session_.sign_in(setup_.user, setup_.password); }

void Writer::run(const std::atomic<bool>& stop) {
  while (!stop.load()) {
    if (!write_once()) return;  // the server is gone: wait for the next round
  }
}

Writer::Outcome Writer::outcome(const httplib::Result& r, int ok_status, Op op) {
  if (r && r->status == ok_status) {
    ++counts_.acked[static_cast<size_t>(op)];
    return Outcome::acked;
  }
  if (!r || r->status >= 500) {
    ++counts_.unanswered;
    if (r) ++counts_.server_errors;
    return Outcome::unanswered;
  }
  ++counts_.refused;
  if (refusals_.size() < 5)
    refusals_.push_back(std::string(op_name(op)) + ": " + std::to_string(r->status) + " " + r->body.substr(0, 300));
  return Outcome::refused;
}

WrittenRecord* Writer::pick(const std::string& kind, const std::string& status) {
  std::vector<WrittenRecord*> candidates;
  for (auto& [id, r] : records_)
    if (r.kind == kind && r.acked && !r.pending && (status.empty() || (*r.acked)["trang_thai"] == status))
      candidates.push_back(&r);
  if (candidates.empty()) return nullptr;
  return candidates[std::uniform_int_distribution<size_t>(0, candidates.size() - 1)(rng_)];
}

bool Writer::write_once() {
  // Weights: edits most often, as in an office; each kind of write often enough to be hit by kills.
  static const std::array<int, 5> weights = {2, 3, 2, 2, 2};
  std::discrete_distribution<int> choose(weights.begin(), weights.end());
  switch (static_cast<Op>(choose(rng_))) {
    case Op::edit_establishment:
      if (WrittenRecord* r = pick("co_so", "")) return edit_establishment(*r);
      break;
    case Op::propose_project: return propose_project();
    case Op::first_step:
      if (WrittenRecord* p = pick("de_an", "dang_ky_nhu_cau")) return first_step(*p);
      break;
    case Op::step_with_document:
      if (WrittenRecord* p = pick("de_an", "de_xuat")) return step_with_document(*p);
      break;
    default: break;
  }
  return create_establishment();
}

bool Writer::create_establishment() {
  int64_t n = next_++;
  std::string key = "cs-sc" + std::to_string(id_) + "-" + std::to_string(n);
  nlohmann::json body = {{"ma", key},
                         {"ten", "Cơ sở thử sự cố " + std::to_string(id_) + "-" + std::to_string(n)},
                         {"loai", "ho_kinh_doanh"},
                         {"nganh", "che_bien"},
                         {"dia_ban", setup_.area},
                         {"dia_chi", "Thôn Đồng Đỉnh " + std::to_string(n)},
                         {"ma_so_thue", nullptr},
                         {"nam_thanh_lap", 2000 + n % 25},
                         {"so_lao_dong", n % 90 + 1}};
  WrittenRecord& r = records_[record_id("co_so", key)];
  r.kind = "co_so";
  r.key = key;
  r.pending = body;
  auto answer = session_.post_json("/api/co-so", body);
  switch (outcome(answer, 201, Op::create_establishment)) {
    case Outcome::acked:
      r.acked = nlohmann::json::parse(answer->body)["ban_ghi"];
      r.pending.reset();
      return true;
    case Outcome::refused: records_.erase(record_id("co_so", key)); return true;
    case Outcome::unanswered: return false;
  }
  return false;
}

bool Writer::edit_establishment(WrittenRecord& r) {
  auto current = session_.get("/api/co-so/" + r.key);
  if (!current || current->status >= 500) return false;
  if (current->status != 200) {
    ++counts_.refused;
    if (refusals_.size() < 5) refusals_.push_back("GET /api/co-so/" + r.key + ": " + std::to_string(current->status));
    return true;
  }
  nlohmann::json record = nlohmann::json::parse(current->body)["ban_ghi"];
  int64_t n = next_++;
  record["ten"] = "Cơ sở thử sự cố " + std::to_string(id_) + "-" + std::to_string(n) + " (đã sửa)";
  record["so_lao_dong"] = n % 200 + 1;
  r.pending = nlohmann::json{{"ten", record["ten"]}, {"so_lao_dong", record["so_lao_dong"]}};
  auto answer = session_.put_json("/api/co-so/" + r.key, record, current->get_header_value("ETag"));
  switch (outcome(answer, 200, Op::edit_establishment)) {
    case Outcome::acked: r.acked = nlohmann::json::parse(answer->body)["ban_ghi"]; [[fallthrough]];
    case Outcome::refused: r.pending.reset(); return true;
    case Outcome::unanswered: return false;
  }
  return false;
}

bool Writer::propose_project() {
  int64_t n = next_++;
  nlohmann::json body = {{"ten", "Đề án thử sự cố " + std::to_string(id_) + "-" + std::to_string(n)},
                         {"noi_dung", "nd45-3"},
                         {"cap_kinh_phi", "tinh"},
                         {"nam_bat_dau", 2024},
                         {"nam_ket_thuc", 2024},
                         {"don_vi_thuc_hien", setup_.unit},
                         {"dia_ban", setup_.area},
                         {"kinh_phi_nsnn", 100000000 + n * 1000},
                         {"kinh_phi_doi_ung", 300000000},
                         {"mo_ta", "Ghi trong lúc máy chủ bị tắt đột ngột"},
                         {"co_so", {setup_.establishment}}};
  auto answer = session_.post_json("/api/de-an", body);
  // Unanswered, the project's code is not known: it is not followed (an unanswered write may be lost).
  if (outcome(answer, 201, Op::propose_project) != Outcome::acked) return answer && answer->status < 500;
  nlohmann::json record = nlohmann::json::parse(answer->body)["ban_ghi"];
  WrittenRecord& r = records_[record_id("de_an", record["ma"])];
  r.kind = "de_an";
  r.key = record["ma"];
  r.acked = record;
  return true;
}

bool Writer::first_step(WrittenRecord& p) {
  p.pending = nlohmann::json{{"trang_thai", "de_xuat"}};
  // Dated in the project's year, as tests/api_project_test.cc does.
  auto answer = session_.post_json("/api/de-an/" + p.key + "/buoc", {{"den_trang_thai", "de_xuat"}, {"ngay", "2024-01-10"}});
  switch (outcome(answer, 200, Op::first_step)) {
    case Outcome::acked: p.acked = nlohmann::json::parse(answer->body)["ban_ghi"]; [[fallthrough]];
    case Outcome::refused: p.pending.reset(); return true;
    case Outcome::unanswered: return false;
  }
  return false;
}

bool Writer::step_with_document(WrittenRecord& p) {
  int64_t n = next_++;
  WrittenDocument doc;
  doc.project = p.key;
  doc.filename = "biên bản thẩm định " + std::to_string(id_) + "-" + std::to_string(n) + ".pdf";
  doc.content = "%PDF-1.4\n% biên bản thẩm định\n";
  std::uniform_int_distribution<int> byte(0, 255);
  size_t size = 1000 + static_cast<size_t>(rng_() % 6000);
  while (doc.content.size() < size) doc.content.push_back(static_cast<char>(byte(rng_)));
  doc.content += "\n%%EOF\n";
  p.pending = nlohmann::json{{"trang_thai", "tham_dinh"}};
  httplib::MultipartFormDataItems items = {{"den_trang_thai", "tham_dinh", "", ""},
                                           {"ngay", "20/02/2024", "", ""},
                                           {"tai_lieu", doc.content, doc.filename, "application/pdf"}};
  auto answer = session_.post_form("/de-an/" + p.key + "/buoc", items);
  switch (outcome(answer, 303, Op::step_with_document)) {  // the form redirects to the project page
    case Outcome::acked:
      (*p.acked)["trang_thai"] = "tham_dinh";
      p.pending.reset();
      doc.acked = true;
      documents_.push_back(std::move(doc));
      return true;
    case Outcome::refused: p.pending.reset(); return true;
    case Outcome::unanswered: documents_.push_back(std::move(doc)); return false;
  }
  return false;
}

}  // namespace kc::crash
