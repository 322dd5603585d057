// See openapi.h. The paths here mirror the routes registered by api_registry.cc and
// api_sign_in.cc; tests/openapi_test.cc checks that every /api/ route has its entry.
#include "web/openapi.h"

#include <algorithm>

#include "accounts/accounts.h"
#include "web/pages.h"
#include "web/pickers.h"
#include "web/project_pages.h"
#include "web/registries.h"
#include "web/request_context.h"

namespace kc::web {

namespace {

using J = OrderedJson;

J schema_ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }
J response_ref(const std::string& name) { return {{"$ref", "#/components/responses/" + name}}; }
J param_ref(const std::string& name) { return {{"$ref", "#/components/parameters/" + name}}; }
J json_content(J schema) { return {{"application/json", {{"schema", std::move(schema)}}}}; }
J answer(const std::string& description, J schema) {
  return {{"description", description}, {"content", json_content(std::move(schema))}};
}
J nullable(J schema) { return {{"oneOf", J::array({std::move(schema), {{"type", "null"}}})}}; }

std::string roles_text(const std::vector<std::string>& roles) {
  std::string out;
  for (const std::string& r : roles) out += (out.empty() ? "" : ", ") + r + " (" + role_label(r) + ")";
  return out;
}

// Who may call: a sentence for the description, and the x-vai-tro list ("cong_chung" = the public).
void describe_access(J& op, bool public_access, const std::vector<std::string>& roles, bool write) {
  J who = J::array();
  if (public_access) who.push_back("cong_chung");
  for (const std::string& r : roles) who.push_back(r);
  op["x-vai-tro"] = who;
  std::string text = public_access ? "Ai được gọi: mọi người, không cần đăng nhập."
                                   : "Ai được gọi (đã đăng nhập): " + (roles.empty() ? std::string("mọi vai trò") : roles_text(roles)) + ".";
  op["description"] = op.value("description", std::string()) + (op.contains("description") ? "\n\n" : "") + text;
  if (public_access)
    op["security"] = J::array({J::object(), {{"phien", J::array()}}});
  else if (write)
    op["security"] = J::array({{{"phien", J::array()}, {"csrf", J::array()}}});
  else
    op["security"] = J::array({{{"phien", J::array()}}});
}

// The record schemas of a kind: as answered, as sent to create, as sent to replace.
void kind_schemas(J& schemas, const RecordKind& k) {
  std::string name(k.name);
  J props = J::object(), all = J::array(), required_new = J::array(), required_update = J::array();
  for (size_t i = 0; i < k.fields.size(); ++i) {
    const Field& f = k.fields[i];
    props[std::string(f.name)] = field_schema(f);
    all.push_back(std::string(f.name));
    bool is_key = std::find(k.key.begin(), k.key.end(), i) != k.key.end();
    if (f.required) required_new.push_back(std::string(f.name));
    if (f.required && !is_key) required_update.push_back(std::string(f.name));
  }
  schemas[name] = {{"type", "object"},
                   {"description", std::string(k.description) + " Mọi trường đều có mặt; trường trống là null."},
                   {"properties", props},
                   {"required", all},
                   {"additionalProperties", false}};
  schemas[name + "_moi"] = {{"type", "object"},
                            {"description", "Hồ sơ mới (" + std::string(k.label) +
                                                "). Ngoài kiểu JSON đã nêu, mỗi trường cũng nhận chuỗi theo dạng của gói "
                                                "dữ liệu (\"12.5\", \"1\", \"có\"); trường vắng mặt coi như để trống."},
                            {"properties", props},
                            {"required", required_new},
                            {"additionalProperties", false}};
  J update_props = props;
  update_props["phien_ban"] = {{"type", "string"},
                               {"description", "phiên bản đã đọc (thay cho tiêu đề If-Match)"}};
  schemas[name + "_cap_nhat"] = {{"type", "object"},
                                 {"description", "Toàn bộ nội dung mới của hồ sơ (thay thế mọi trường không phải mã; trường "
                                                 "vắng mặt coi như để trống). Mã có thể gửi kèm nhưng không được đổi."},
                                 {"properties", update_props},
                                 {"required", required_update},
                                 {"additionalProperties", false}};
  schemas[name + "_danh_sach"] = {
      {"type", "object"},
      {"properties",
       {{"tong", {{"type", "integer"}, {"description", "số hồ sơ khớp điều kiện, mọi trang"}}},
        {"trang", {{"type", "integer"}, {"description", "trang này (từ 1)"}}},
        {"kich_thuoc", {{"type", "integer"}, {"description", "số hồ sơ tối đa mỗi trang"}}},
        {"ban_ghi", {{"type", "array"}, {"items", schema_ref(name)}}}}},
      {"required", J::array({"tong", "trang", "kich_thuoc", "ban_ghi"})}};
  schemas[name + "_chi_tiet"] = {
      {"type", "object"},
      {"properties",
       {{"ban_ghi", schema_ref(name)},
        {"phien_ban", {{"type", "string"}, {"description", "phiên bản hiện tại (cũng là ETag)"}}},
        {"luu_tru", {{"type", "boolean"}, {"description", "hồ sơ đã được lưu trữ (ẩn khỏi danh sách)"}}}}},
      {"required", J::array({"ban_ghi", "phien_ban", "luu_tru"})}};
  schemas[name + "_da_luu"] = {{"type", "object"},
                               {"properties", {{"ban_ghi", schema_ref(name)}, {"phien_ban", {{"type", "string"}}}}},
                               {"required", J::array({"ban_ghi", "phien_ban"})}};
  schemas[name + "_xung_dot"] = {
      {"type", "object"},
      {"description", "Hồ sơ đã bị người khác thay đổi sau khi đọc: bản hiện tại và phiên bản của nó."},
      {"properties",
       {{"loi", {{"type", "string"}}}, {"ma_loi", {{"type", "integer"}}}, {"hien_tai", schema_ref(name)},
        {"phien_ban", {{"type", "string"}}}}},
      {"required", J::array({"loi", "ma_loi", "hien_tai", "phien_ban"})}};
}

J list_parameters(const Registry& r) {
  const RecordKind& k = r.record_kind();
  J params = J::array({param_ref("q")});
  for (const std::string& name : r.filters) {
    J schema = field_schema(k.field(name));
    schema["type"] = schema["type"].is_array() ? schema["type"][0] : schema["type"];
    if (schema.contains("enum") && schema["enum"].back().is_null()) schema["enum"].erase(schema["enum"].size() - 1);
    params.push_back({{"name", name}, {"in", "query"}, {"required", false},
                      {"description", "lọc theo " + std::string(k.field(name).label)}, {"schema", schema}});
  }
  J fields = J::array();
  for (const Field& f : k.fields) fields.push_back(std::string(f.name));
  params.push_back({{"name", "sap_xep"}, {"in", "query"}, {"required", false},
                    {"description", "sắp xếp theo trường này (mặc định: theo mã)"},
                    {"schema", {{"type", "string"}, {"enum", fields}}}});
  for (const char* p : {"giam", "trang", "kich_thuoc", "luu_tru"}) params.push_back(param_ref(p));
  return params;
}

void registry_paths(J& paths, const Registry& r) {
  const RecordKind& k = r.record_kind();
  std::string kind(k.name), label(k.label), key(k.fields[k.key[0]].name);
  std::vector<std::string> readers = kStaffRoles;
  readers.insert(readers.end(), r.readers.begin(), r.readers.end());
  std::string scope;
  if (!r.area_field.empty())
    scope += " Cán bộ địa phương chỉ thấy và ghi hồ sơ có \"" + r.area_field + "\" thuộc địa bàn mình phụ trách.";
  if (!r.own_field.empty()) scope += " Tài khoản cơ sở chỉ thấy hồ sơ của chính cơ sở mình.";
  J tags = J::array({r.title});
  J key_param = {{"name", key}, {"in", "path"}, {"required", true},
                 {"description", std::string(k.fields[k.key[0]].label)}, {"schema", {{"type", "string"}}}};
  J etag = {{"ETag", {{"description", "phiên bản của hồ sơ, trong dấu ngoặc kép"}, {"schema", {{"type", "string"}}}}}};
  auto with_access = [&](J op, bool write) {
    op["tags"] = tags;
    if (!scope.empty()) op["description"] = op.value("description", std::string()) + scope;
    bool everyone = !write && r.public_read;  // signed in or not: the route's access lists no roles
    describe_access(op, everyone, write ? r.writers : everyone ? std::vector<std::string>{} : readers, write);
    return op;
  };
  auto refusals = [&](J responses, bool write) {
    if (write || !r.public_read) responses["401"] = response_ref("ChuaDangNhap");
    responses["403"] = response_ref("KhongCoQuyen");
    return responses;
  };

  J& list_path = paths["/api/" + r.slug];
  list_path["get"] = with_access(
      {{"operationId", kind + "_danh_sach"},
       {"summary", "Danh sách " + label},
       {"description", "Tìm kiếm (q, không phân biệt dấu và hoa thường), lọc, sắp xếp, phân trang."},
       {"parameters", list_parameters(r)},
       {"responses", refusals({{"200", answer("Một trang danh sách.", schema_ref(kind + "_danh_sach"))},
                               {"400", response_ref("ThamSoSai")}},
                              false)}},
      false);
  if (!r.own_pages) list_path["post"] = with_access(
      {{"operationId", kind + "_tao"},
       {"summary", "Thêm " + label},
       {"requestBody", {{"required", true}, {"content", json_content(schema_ref(kind + "_moi"))}}},
       {"responses",
        refusals({{"201",
                   {{"description", "Đã tạo; Location chỉ tới hồ sơ mới."},
                    {"headers", {{"Location", {{"schema", {{"type", "string"}}}}}, {"ETag", etag["ETag"]}}},
                    {"content", json_content(schema_ref(kind + "_da_luu"))}}},
                  {"400", response_ref("ThanSai")},
                  {"422", response_ref("DuLieuKhongHopLe")}},
                 true)}},
      true);

  J& record_path = paths["/api/" + r.slug + "/{" + key + "}"];
  record_path["parameters"] = J::array({key_param});
  record_path["get"] = with_access(
      {{"operationId", kind + "_chi_tiet"},
       {"summary", "Chi tiết " + label},
       {"parameters", J::array({param_ref("IfNoneMatch")})},
       {"responses", refusals({{"200", {{"description", "Hồ sơ và phiên bản của nó."}, {"headers", etag},
                                        {"content", json_content(schema_ref(kind + "_chi_tiet"))}}},
                               {"304", {{"description", "Chưa thay đổi so với phiên bản gửi trong If-None-Match."}}},
                               {"404", response_ref("KhongTimThay")}},
                              false)}},
      false);
  if (r.own_pages) return;  // projects change through their lifecycle: project_paths()
  record_path["put"] = with_access(
      {{"operationId", kind + "_cap_nhat"},
       {"summary", "Sửa " + label + " (thay toàn bộ)"},
       {"description", "Cần phiên bản đã đọc trong If-Match (hoặc \"phien_ban\"); nếu hồ sơ đã đổi từ đó thì trả 409 "
                       "kèm bản hiện tại."},
       {"parameters", J::array({param_ref("IfMatch")})},
       {"requestBody", {{"required", true}, {"content", json_content(schema_ref(kind + "_cap_nhat"))}}},
       {"responses",
        refusals({{"200", {{"description", "Đã lưu."}, {"headers", etag}, {"content", json_content(schema_ref(kind + "_da_luu"))}}},
                  {"400", response_ref("ThanSai")},
                  {"404", response_ref("KhongTimThay")},
                  {"409", answer("Xung đột phiên bản: hồ sơ đã được người khác thay đổi.", schema_ref(kind + "_xung_dot"))},
                  {"422", response_ref("DuLieuKhongHopLe")},
                  {"428", response_ref("ThieuPhienBan")}},
                 true)}},
      true);
  for (auto [suffix, archived] : {std::pair{"luu-tru", true}, std::pair{"bo-luu-tru", false}}) {
    J& path = paths["/api/" + r.slug + "/{" + key + "}/" + suffix];
    path["parameters"] = J::array({key_param});
    path["post"] = with_access(
        {{"operationId", kind + (archived ? "_luu_tru" : "_bo_luu_tru")},
         {"summary", std::string(archived ? "Lưu trữ " : "Bỏ lưu trữ ") + label},
         {"description", archived ? "Ẩn hồ sơ khỏi danh sách (vẫn giữ trong cơ sở dữ liệu, xem được với luu_tru=1)."
                                  : "Đưa hồ sơ đã lưu trữ trở lại danh sách."},
         {"responses", refusals({{"200", answer("Trạng thái lưu trữ mới.", schema_ref("LuuTru"))},
                                 {"404", response_ref("KhongTimThay")}},
                                true)}},
        true);
  }
}

// Projects beyond the registry's list and detail (api_projects.cc), and the health check.
void project_paths(J& paths) {
  J tags = J::array({registry_for_kind("de_an")->title});
  J proposal = {{"type", "object"}, {"additionalProperties", false}, {"properties", J::object()}};
  const RecordKind& k = kind("de_an");
  for (const std::string& name : kProposalFields) proposal["properties"][name] = field_schema(k.field(name));
  proposal["properties"]["co_so"] = {{"type", "array"}, {"items", {{"type", "string"}}},
                                     {"description", "Mã các cơ sở thụ hưởng"}};
  J propose = {{"operationId", "de_an_de_xuat"},
               {"tags", tags},
               {"summary", "Đăng ký nhu cầu / đề xuất đề án"},
               {"description", "Tạo đề án mới ở bước \"đăng ký nhu cầu\"; mã đề án do hệ thống cấp. Kinh phí được "
                               "kiểm tra theo mức hỗ trợ có hiệu lực hôm nay; cán bộ địa phương chỉ đề xuất trong địa bàn "
                               "mình, tài khoản cơ sở chỉ cho chính cơ sở mình."},
               {"requestBody", {{"required", true}, {"content", json_content(proposal)}}},
               {"responses", {{"201", answer("Đã tạo; Location chỉ tới đề án mới.", schema_ref("de_an_da_luu"))},
                              {"400", response_ref("ThanSai")},
                              {"401", response_ref("ChuaDangNhap")},
                              {"403", response_ref("KhongCoQuyen")},
                              {"422", response_ref("DuLieuKhongHopLe")}}}};
  describe_access(propose, false, kProposers, true);
  paths["/api/de-an"]["post"] = propose;

  J step_body = {{"type", "object"},
                 {"additionalProperties", false},
                 {"required", J::array({"den_trang_thai"})},
                 {"properties",
                  {{"den_trang_thai", {{"type", "string"}, {"description", "Trạng thái chuyển tới (bằng trạng thái hiện tại: báo cáo tiến độ)"}}},
                   {"ngay", {{"type", "string"}, {"format", "date"}, {"description", "Ngày của quyết định; mặc định hôm nay"}}},
                   {"so_quyet_dinh", {{"type", "string"}, {"description", "Số quyết định hoặc biên bản"}}},
                   {"ghi_chu", {{"type", "string"}}},
                   {"ket_qua", {{"type", "object"}, {"additionalProperties", {{"type", "integer"}, {"minimum", 0}}},
                                {"description", "Khi nghiệm thu: mã chỉ tiêu → kết quả đầu ra"}}},
                   {"ke_hoach", {{"type", "string"},
                                 {"description", "Khi phê duyệt: mã kế hoạch hằng năm mà đề án được đưa vào (\"khong\": không thuộc kế "
                                                 "hoạch nào); bỏ trống: kế hoạch duy nhất phù hợp"}}},
                   {"xac_nhan_ngoai_ky", {{"type", "boolean"},
                                          {"description", "Xác nhận ngày nằm ngoài kỳ kế hoạch của đề án (phê duyệt, bắt đầu, nghiệm thu)"}}}}}};
  J step = {{"operationId", "de_an_buoc"},
            {"tags", tags},
            {"summary", "Chuyển bước trong vòng đời đề án"},
            {"description", "Cùng quy tắc như trang đề án: mỗi bước chỉ do vai trò được phép, có ngày, số quyết định và "
                            "ghi chú khi bước đó yêu cầu; ngày không ở tương lai, không trước bước đã ghi gần nhất và "
                            "nằm trong kỳ kế hoạch trừ khi được xác nhận. Tài liệu đính kèm được tải lên trên trang đề án."},
            {"parameters", J::array({{{"name", "ma"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}})},
            {"requestBody", {{"required", true}, {"content", json_content(step_body)}}},
            {"responses", {{"200", answer("Đề án sau bước này.", schema_ref("de_an_da_luu"))},
                           {"400", response_ref("ThanSai")},
                           {"401", response_ref("ChuaDangNhap")},
                           {"403", response_ref("KhongCoQuyen")},
                           {"404", response_ref("KhongTimThay")},
                           {"422", response_ref("DuLieuKhongHopLe")}}}};
  describe_access(step, false, kProposers, true);
  paths["/api/de-an/{ma}/buoc"]["post"] = step;

  J sums = {{"type", "object"},
            {"properties", {{"so_de_an", {{"type", "integer"}}}, {"kinh_phi_nsnn", {{"type", "integer"}}}, {"kinh_phi_doi_ung", {{"type", "integer"}}}}}};
  J group = sums;
  group["properties"]["noi_dung"] = {{"type", "string"}};
  group["properties"]["ten_noi_dung"] = {{"type", "string"}};
  group["properties"]["cap_kinh_phi"] = {{"type", "string"}};
  J year = {{"type", "integer"}, {"minimum", 1000}, {"maximum", 9999}};
  J aggregate = {{"operationId", "tong_hop"},
                 {"tags", J::array({"Tổng hợp"})},
                 {"summary", "Số đề án và kinh phí theo nội dung và cấp kinh phí"},
                 {"description", "Các đề án đã triển khai (từ \"đang thực hiện\" trở đi) có năm bắt đầu trong khoảng; "
                                 "tính từ dữ liệu hiện tại, nên mỗi thay đổi có ngay trong lần gọi sau. Tiền tính bằng đồng."},
                 {"parameters", J::array({{{"name", "tu_nam"}, {"in", "query"}, {"schema", year}},
                                          {{"name", "den_nam"}, {"in", "query"}, {"schema", year}}})},
                 {"responses", {{"200", answer("Các nhóm và tổng.", {{"type", "object"},
                                                                   {"properties", {{"tu_nam", nullable(year)},
                                                                                   {"den_nam", nullable(year)},
                                                                                   {"nhom", {{"type", "array"}, {"items", group}}},
                                                                                   {"tong", sums}}}})},
                                {"401", response_ref("ChuaDangNhap")},
                                {"403", response_ref("KhongCoQuyen")},
                                {"422", response_ref("DuLieuKhongHopLe")}}}};
  describe_access(aggregate, false, kStaffRoles, false);
  paths["/api/tong-hop"]["get"] = aggregate;

  J choice = {{"type", "object"},
              {"properties", {{"ma", {{"type", "string"}}}, {"ten", {{"type", "string"}}}, {"mo_ta", {{"type", "string"}}}}}};
  J choices = {{"type", "object"},
               {"properties", {{"lua_chon", {{"type", "array"}, {"items", choice}}}, {"con_nua", {{"type", "boolean"}}}}}};
  J picker_slugs = J::array();
  for (PickerKind k : kPickerKinds) picker_slugs.push_back(picker_slug(k));
  J picker = {{"operationId", "chon"},
              {"tags", J::array({"Chọn hồ sơ"})},
              {"summary", "Tìm hồ sơ để chọn theo tên (không cần dấu), trong phạm vi của người gọi"},
              {"description", "Tối đa 20 kết quả, tên bắt đầu bằng chữ đã gõ xếp trước. Cán bộ địa phương chỉ được các "
                              "đơn vị, cơ sở, sản phẩm, đơn vị thực hiện thuộc địa bàn mình và các đề án đặt ở địa bàn mình; "
                              "tài khoản cơ sở chỉ được chính mình, sản phẩm của mình và các đề án mình thụ hưởng. Văn bản, "
                              "kế hoạch, chỉ tiêu, cuộc bình chọn và nội dung: mọi người dùng đã đăng nhập. Khi có "
                              "nam_bat_dau–nam_ket_thuc: đơn vị hành chính, đơn vị thực hiện và nội dung còn hiệu lực trong "
                              "các năm đó; văn bản ban hành trước khi hết các năm đó; kế hoạch, đề án, cuộc bình chọn của "
                              "các năm đó."},
              {"parameters", J::array({{{"name", "loai"}, {"in", "path"}, {"required", true},
                                        {"schema", {{"type", "string"}, {"enum", picker_slugs}}}},
                                       {{"name", "q"}, {"in", "query"}, {"schema", {{"type", "string"}}}},
                                       {{"name", "nam_bat_dau"}, {"in", "query"}, {"schema", year}},
                                       {{"name", "nam_ket_thuc"}, {"in", "query"}, {"schema", year}}})},
              {"responses", {{"200", answer("Các lựa chọn.", choices)},
                             {"401", response_ref("ChuaDangNhap")},
                             {"404", response_ref("KhongTimThay")}}}};
  describe_access(picker, false, {}, false);
  paths["/api/chon/{loai}"]["get"] = picker;

  J health = {{"operationId", "healthz"},
              {"tags", J::array({"Phiên làm việc"})},
              {"summary", "Máy chủ và cơ sở dữ liệu có dùng được không"},
              {"responses", {{"200", answer("Dùng được.", {{"type", "object"},
                                                           {"properties", {{"trang_thai", {{"type", "string"}}},
                                                                           {"phien_ban_luoc_do", {{"type", "integer"}}}}}})},
                             {"503", answer("Cơ sở dữ liệu không dùng được lúc này.", schema_ref("Loi"))}}}};
  describe_access(health, true, {}, false);
  paths["/healthz"]["get"] = health;
}

void session_paths(J& paths) {
  J get_csrf = {{"operationId", "csrf"},
                {"tags", J::array({"Phiên làm việc"})},
                {"summary", "Mã chống giả mạo (CSRF) cho yêu cầu tiếp theo"},
                {"description", "Đặt cookie kc_csrf cho trình khách chưa đăng nhập; gửi lại mã trong tiêu đề X-CSRF-Token "
                                "cùng cookie đó khi gọi POST /api/dang-nhap."},
                {"responses", {{"200", answer("Mã CSRF và người dùng hiện tại (null nếu chưa đăng nhập).", schema_ref("Csrf"))}}}};
  describe_access(get_csrf, true, {}, false);
  paths["/api/csrf"]["get"] = get_csrf;
  J sign_in = {{"operationId", "dang_nhap"},
               {"tags", J::array({"Phiên làm việc"})},
               {"summary", "Đăng nhập"},
               {"description", "Tạo phiên mới (cookie kc_session) và trả mã CSRF của phiên, dùng cho mọi yêu cầu ghi sau đó. "
                               "Sai nhiều lần sẽ bị tạm khóa (429, tiêu đề Retry-After)."},
               {"security", J::array({{{"csrf_cookie", J::array()}, {"csrf", J::array()}}})},
               {"x-vai-tro", J::array({"cong_chung"})},
               {"requestBody", {{"required", true}, {"content", json_content(schema_ref("DangNhap"))}}},
               {"responses",
                {{"200", answer("Đã đăng nhập.", schema_ref("PhienDangNhap"))},
                 {"400", response_ref("ThanSai")},
                 {"403", response_ref("KhongCoQuyen")},
                 {"422", answer("Sai tên đăng nhập hoặc mật khẩu.", schema_ref("Loi"))},
                 {"429", answer("Tạm khóa vì đăng nhập sai quá nhiều lần.", schema_ref("Loi"))}}}};
  paths["/api/dang-nhap"]["post"] = sign_in;
  J sign_out = {{"operationId", "dang_xuat"},
                {"tags", J::array({"Phiên làm việc"})},
                {"summary", "Đăng xuất"},
                {"responses",
                 {{"200", answer("Đã kết thúc phiên.", {{"type", "object"}, {"properties", {{"da_dang_xuat", {{"type", "boolean"}}}}}})},
                  {"401", response_ref("ChuaDangNhap")},
                  {"403", response_ref("KhongCoQuyen")}}}};
  describe_access(sign_out, false, {}, true);
  paths["/api/dang-xuat"]["post"] = sign_out;
  J doc = {{"operationId", "openapi"},
           {"tags", J::array({"Phiên làm việc"})},
           {"summary", "Mô tả OpenAPI này"},
           {"responses", {{"200", answer("Tài liệu OpenAPI 3.1.", {{"type", "object"}})}}}};
  describe_access(doc, true, {}, false);
  paths["/api/openapi.json"]["get"] = doc;
}

J common_components() {
  J error = {{"type", "object"},
             {"properties", {{"loi", {{"type", "string"}, {"description", "thông báo lỗi bằng tiếng Việt"}}},
                             {"ma_loi", {{"type", "integer"}, {"description", "mã trạng thái HTTP"}}}}},
             {"required", J::array({"loi", "ma_loi"})}};
  J field_errors = error;
  field_errors["properties"]["truong"] = {{"type", "object"},
                                          {"description", "lỗi của từng trường: tên trường → thông báo"},
                                          {"additionalProperties", {{"type", "string"}}}};
  field_errors["required"].push_back("truong");
  J user = {{"type", "object"},
            {"properties",
             {{"ten_dang_nhap", {{"type", "string"}}},
              {"ho_ten", {{"type", "string"}}},
              {"vai_tro", {{"type", "string"}, {"enum", J::array({"quan_tri", "so_cong_thuong", "trung_tam", "dia_phuong", "co_so"})}}},
              {"ten_vai_tro", {{"type", "string"}}},
              {"don_vi", {{"type", J::array({"string", "null"})}, {"description", "đơn vị hành chính phụ trách (cán bộ địa phương)"}}},
              {"co_so", {{"type", J::array({"string", "null"})}, {"description", "mã cơ sở (tài khoản cơ sở)"}}}}}};
  J schemas = {
      {"Loi", error},
      {"LoiDuLieu", field_errors},
      {"LuuTru", {{"type", "object"}, {"properties", {{"luu_tru", {{"type", "boolean"}}}}}, {"required", J::array({"luu_tru"})}}},
      {"NguoiDung", user},
      {"DangNhap", {{"type", "object"},
                    {"properties", {{"ten_dang_nhap", {{"type", "string"}}}, {"mat_khau", {{"type", "string"}, {"format", "password"}}}}},
                    {"required", J::array({"ten_dang_nhap", "mat_khau"})}}},
      {"PhienDangNhap", {{"type", "object"},
                         {"properties", {{"csrf", {{"type", "string"}, {"description", "gửi lại trong X-CSRF-Token"}}},
                                         {"nguoi_dung", schema_ref("NguoiDung")}}},
                         {"required", J::array({"csrf", "nguoi_dung"})}}},
      {"Csrf", {{"type", "object"},
                {"properties", {{"csrf", {{"type", "string"}}}, {"nguoi_dung", nullable(schema_ref("NguoiDung"))}}},
                {"required", J::array({"csrf", "nguoi_dung"})}}},
  };
  auto query = [](const char* name, const std::string& description, J schema) {
    return J{{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", std::move(schema)}};
  };
  J zero_one = {{"type", "string"}, {"enum", J::array({"0", "1"})}};
  J parameters = {
      {"q", query("q", "tìm trong mã và chữ của hồ sơ, không phân biệt dấu và hoa thường", {{"type", "string"}})},
      {"giam", query("giam", "1: sắp xếp giảm dần", zero_one)},
      {"trang", query("trang", "số trang, từ 1", {{"type", "integer"}, {"minimum", 1}, {"default", 1}})},
      {"kich_thuoc", query("kich_thuoc", "số hồ sơ mỗi trang", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 50}})},
      {"luu_tru", query("luu_tru", "1: gồm cả hồ sơ đã lưu trữ", zero_one)},
      {"IfMatch", {{"name", "If-Match"}, {"in", "header"}, {"required", false},
                   {"description", "phiên bản đã đọc (ETag); bắt buộc nếu thân không có \"phien_ban\""},
                   {"schema", {{"type", "string"}}}}},
      {"IfNoneMatch", {{"name", "If-None-Match"}, {"in", "header"}, {"required", false},
                       {"description", "phiên bản đang có; trả 304 nếu chưa đổi"}, {"schema", {{"type", "string"}}}}},
  };
  J responses = {
      {"ThamSoSai", answer("Tham số không hợp lệ (thông báo nêu tên tham số).", schema_ref("Loi"))},
      {"ThanSai", answer("Thân yêu cầu không phải một đối tượng JSON hợp lệ.", schema_ref("Loi"))},
      {"ChuaDangNhap", answer("Cần đăng nhập.", schema_ref("Loi"))},
      {"KhongCoQuyen", answer("Không có quyền, ngoài phạm vi, hoặc thiếu/sai X-CSRF-Token.", schema_ref("Loi"))},
      {"KhongTimThay", answer("Không có hồ sơ này, hoặc hồ sơ nằm ngoài phạm vi được xem.", schema_ref("Loi"))},
      {"DuLieuKhongHopLe", answer("Dữ liệu không hợp lệ; không có gì được ghi.", schema_ref("LoiDuLieu"))},
      {"ThieuPhienBan", answer("Thiếu phiên bản (If-Match hoặc \"phien_ban\").", schema_ref("Loi"))},
  };
  J security = {
      {"phien", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie},
                 {"description", "cookie phiên, đặt khi POST /api/dang-nhap thành công"}}},
      {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"},
                {"description", "mã chống giả mạo: \"csrf\" do POST /api/dang-nhap (hoặc GET /api/csrf) trả về; "
                                "bắt buộc với mọi yêu cầu không phải GET"}}},
      {"csrf_cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kAnonymousCsrfCookie},
                       {"description", "cookie do GET /api/csrf đặt cho trình khách chưa đăng nhập"}}},
  };
  return {{"schemas", schemas}, {"parameters", parameters}, {"responses", responses}, {"securitySchemes", security}};
}

}  // namespace

OrderedJson openapi_document() {
  J doc = {{"openapi", "3.1.0"},
           {"info", {{"title", "API hệ thống thông tin quản lý khuyến công"},
                     {"version", "1.0"},
                     {"description",
                      "Các danh mục của hệ thống dưới dạng JSON, cùng vai trò và phạm vi như giao diện web. Đăng nhập: "
                      "GET /api/csrf, rồi POST /api/dang-nhap kèm X-CSRF-Token; sau đó gửi cookie phiên, và với yêu cầu "
                      "ghi thêm X-CSRF-Token là mã \"csrf\" nhận được khi đăng nhập. Số tiền tính bằng đồng (số nguyên); "
                      "ngày dạng yyyy-mm-dd. Lỗi trả về {\"loi\": thông báo, \"ma_loi\": mã HTTP}."}}}};
  J tags = J::array({{{"name", "Phiên làm việc"}, {"description", "Đăng nhập, đăng xuất, mã CSRF, kiểm tra hoạt động"}},
                     {{"name", "Tổng hợp"}, {"description", "Số liệu tổng hợp cho bảng điều khiển và báo cáo"}}});
  J paths = J::object();
  session_paths(paths);
  project_paths(paths);
  J components = common_components();
  for (const Registry& r : registries()) {
    tags.push_back({{"name", r.title}, {"description", std::string(r.record_kind().description)}});
    registry_paths(paths, r);
    kind_schemas(components["schemas"], r.record_kind());
  }
  doc["tags"] = tags;
  doc["paths"] = paths;
  doc["components"] = components;
  return doc;
}

const std::string& openapi_text() {
  static const std::string text = openapi_document().dump(1);
  return text;
}

void register_api_openapi(App& app) {
  app.add({"GET", "/api/openapi.json", "api_openapi", Access::public_access(), true, [](RequestContext& ctx) {
             ctx.res.set_content(openapi_text(), "application/json; charset=utf-8");
           }});
}

}  // namespace kc::web
