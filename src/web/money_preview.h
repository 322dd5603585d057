// What the server understood of a money amount typed into a form: "= 150.000.000 đồng (một trăm
// năm mươi triệu đồng)", or the parser's Vietnamese reason. The same text is shown beside the
// field when a form comes back from the server and by the live preview (/dinh-dang/tien,
// pages_format.cc), so the browser never parses money itself.
#pragma once

#include <string>
#include <string_view>

namespace kc::web {

struct MoneyPreview {
  std::string text;  // empty for an empty field
  bool error = false;
};

MoneyPreview money_preview(std::string_view typed);

}  // namespace kc::web
