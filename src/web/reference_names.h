// People read names, not codes: the name of the record a reference points to ("Hộ kinh doanh
// Giáp Minh Hằng" for cs-0046, "Trung tâm Khuyến công và Xúc tiến thương mại" for ttkc-bg),
// for pages, lists and exports meant for people. The small kinds come from the Dataset; the
// rest (establishments, projects, products…) are read from the store once per request and kept.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "model/dataset.h"
#include "schema/record_kind.h"
#include "schema/value.h"
#include "store/store.h"
#include "web/templates.h"

namespace kc::web {

// A record's own name (its "ten", "ho_ten" or "so_hieu" field), or `fallback` when it has none.
std::string record_name(const RecordKind& kind, const Row& row, const std::string& fallback);

class ReferenceNames {
 public:
  ReferenceNames(const Dataset& data, Store& store) : data_(data), store_(store) {}

  // The name of record `code` of `kind`; "" when there is no such record or it has no name.
  std::string name_of(std::string_view kind, const std::string& code);

  // Reads the names of many records of `kind` in one query (a list page's column), so that
  // name_of answers them without a query each.
  void prefetch(std::string_view kind, const std::vector<std::string>& codes);

  // A value as shown on a page: {value: the name (or the formatted value), ref_code: the code when
  // a name is shown beside it, href: the referenced record's page when it has one and `link`}.
  Data cell(const Field& field, const Value& value, bool link);

 private:
  const Dataset& data_;
  Store& store_;
  std::map<std::pair<std::string, std::string>, std::string> known_;
};

}  // namespace kc::web
